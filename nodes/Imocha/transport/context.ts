import { createHash } from 'node:crypto';

import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_INTELLIGENCE_URL, GLOBAL_ASSESSMENT_URL, normaliseAssessmentUrl } from '../../../credentials/ImochaApi.credentials';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'imochaApi';

/** Every n8n context the package calls iMocha from. */
export type ImochaContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

export type ImochaApiName = 'assessment' | 'intelligence';

export interface ImochaConnection {
	assessmentUrl: string;
	intelligenceUrl: string;
	/** Values that must never appear in an error shown to the user. */
	secrets: string[];
	callbackSecret: string;
	/** A hash of the API key, to tell accounts apart (rate limits are per key) without keeping the key. */
	keyHash: string;
}

export interface TransportSettings {
	timeoutMs: number;
	retry: RetryPolicy;
}

export const DEFAULT_SETTINGS: TransportSettings = { timeoutMs: 60_000, retry: DEFAULT_RETRY_POLICY };

const connections = new WeakMap<object, Promise<ImochaConnection>>();
const settings = new WeakMap<object, TransportSettings>();

export interface TransportOverrides {
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
}

/** Merges into what the context already has, so a harness can tune what the node's options leave alone. */
export function configureTransport(context: object, overrides: TransportOverrides): void {
	const current = settingsFor(context);
	settings.set(context, {
		timeoutMs: overrides.timeoutMs ?? current.timeoutMs,
		retry: { ...current.retry, ...overrides.retry },
	});
}

export function settingsFor(context: object): TransportSettings {
	return settings.get(context) ?? DEFAULT_SETTINGS;
}

export function connectionFor(context: ImochaContext): Promise<ImochaConnection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = readConnection(context);
		connections.set(context, connection);
	}
	return connection;
}

async function readConnection(context: ImochaContext): Promise<ImochaConnection> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const region = String(credentials.region ?? GLOBAL_ASSESSMENT_URL);
	const assessment = region === 'custom' ? String(credentials.customBaseUrl ?? '') : region;
	const intelligence = String(credentials.intelligenceBaseUrl || DEFAULT_INTELLIGENCE_URL);
	const callbackSecret = String(credentials.callbackSecret ?? '');
	return {
		assessmentUrl: normaliseAssessmentUrl(assessment),
		intelligenceUrl: trimSlashes(intelligence),
		secrets: [String(credentials.apiKey ?? ''), callbackSecret].filter(Boolean),
		callbackSecret,
		keyHash: hashKey(String(credentials.apiKey ?? '')),
	};
}

/** 16 hex digits of the key's SHA-256: enough to tell accounts apart, useless to call iMocha with. */
export function hashKey(apiKey: string): string {
	return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

function trimSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

export function baseUrlOf(connection: ImochaConnection, api: ImochaApiName): string {
	return api === 'intelligence' ? connection.intelligenceUrl : connection.assessmentUrl;
}
