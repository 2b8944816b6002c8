import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { activeTriggerUrl } from '../../callbacks/listening';
import {
	CALLBACK_TOKEN_PARAMETER,
	DEFAULT_TRIGGER_PATH,
	DEFAULT_WEBHOOK_PREFIX,
	triggerCallbackUrl,
	triggerPathProblem,
	withToken,
} from '../../callbacks/url';
import { checkText, invalid } from '../../operation/validate';
import { connectionFor } from '../../transport';

/**
 * Where iMocha posts an invitation's results. iMocha has no webhook registration: the callback
 * URL travels with each invite call (https://developer.imocha.io/callback-notification-1174961m0), so the invite operations fill it in.
 */
export type CallbackTarget = 'none' | 'trigger' | 'url';

export const callbackTargetFields: INodeProperties[] = [
	{
		displayName: 'Send Results To',
		name: 'callbackTarget',
		type: 'options',
		options: [
			{
				name: 'Nowhere (Poll or Check Reports)',
				value: 'none',
				description: 'No callback: read the result later with Report > Get or Callback > Get Attempts',
			},
			{
				name: 'iMocha Trigger on This Instance',
				value: 'trigger',
				description:
					"The iMocha Trigger of this n8n instance receives \"In Progress\" and the final result (production URL, carrying the credential's Callback Secret)",
			},
			{
				name: 'Custom URL',
				value: 'url',
				description: 'A URL of your choice receives the results',
			},
		],
		default: 'none',
		description:
			'Where iMocha sends the callbacks of this invitation (when the test starts and when it ends). iMocha keeps the URL with the invitation.',
	},
	{
		displayName: 'Trigger Path',
		name: 'triggerPath',
		type: 'string',
		default: DEFAULT_TRIGGER_PATH,
		placeholder: `e.g. ${DEFAULT_TRIGGER_PATH}`,
		description:
			'The Path set in the iMocha Trigger node. The workflow with the trigger must be active: iMocha calls its production URL.',
		displayOptions: { show: { callbackTarget: ['trigger'] } },
	},
	{
		displayName: 'Webhook Base URL',
		name: 'webhookBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://hooks.example.com/webhook/',
		description:
			"Leave empty to use the URL of the active iMocha Trigger with this path (n8n's own webhook host and prefix). Otherwise the address under which n8n serves production webhooks, prefix included: https://hooks.example.com/webhook/, or https://hooks.example.com/hooks/ when N8N_ENDPOINT_WEBHOOK=hooks. Needed in queue mode, where the trigger runs in another process.",
		displayOptions: { show: { callbackTarget: ['trigger'], '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
	{
		displayName: 'Webhook Base URL',
		name: 'webhookBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://hooks.example.com/',
		description:
			"Leave empty to use the URL of the active iMocha Trigger with this path. Otherwise n8n's address without the webhook prefix: this node version adds the prefix (webhook/, or the one the active trigger uses). New nodes take the whole prefix instead.",
		displayOptions: { show: { callbackTarget: ['trigger'], '@version': [1] } },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://hooks.example.com/imocha',
		description: 'The HTTP(S) address iMocha posts the results to. It must accept POST over TLS 1.2 or newer.',
		displayOptions: { show: { callbackTarget: ['url'] } },
	},
];

/** Checks an address the user typed is an absolute http(s) URL, and returns it trimmed. */
export function checkHttpUrl(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = checkText(context, itemIndex, field, value);
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be an http or https URL (got "${text.length > 80 ? `${text.slice(0, 77)}...` : text}")`,
			'Use a full address such as https://hooks.example.com/imocha.',
		);
	}
	return text;
}

/**
 * The callback URL to send for this item, or undefined for "Nowhere". Reads the credential
 * (for the Callback Secret) but sends no request, so it is safe in `prepare`.
 */
export async function resolveCallbackUrl(context: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const target = context.getNodeParameter('callbackTarget', itemIndex, 'none') as CallbackTarget;
	if (target === 'url') {
		return checkHttpUrl(context, itemIndex, 'Callback URL', context.getNodeParameter('callbackUrl', itemIndex, ''));
	}
	if (target === 'trigger') {
		const path = checkText(context, itemIndex, 'Trigger Path', context.getNodeParameter('triggerPath', itemIndex, DEFAULT_TRIGGER_PATH));
		const problem = triggerPathProblem(path);
		if (problem) {
			throw invalid(
				context,
				itemIndex,
				'Trigger Path',
				problem,
				'Use the same plain path (letters, digits, "-", "/", e.g. imocha-callbacks) here and in the iMocha Trigger, without ":".',
			);
		}
		const connection = await connectionFor(context);
		return withToken(triggerUrl(context, itemIndex, path), connection.callbackSecret);
	}
	return undefined;
}

/**
 * The trigger's production URL, without the token. An action node cannot ask n8n for its webhook
 * host and prefix, so the URL comes from the override, else from the active trigger in this
 * process (callbacks/listening.ts), else from the instance URL and n8n's default prefix.
 */
function triggerUrl(context: IExecuteFunctions, itemIndex: number, path: string): string {
	const active = activeTriggerUrl(path);
	const override = String(context.getNodeParameter('webhookBaseUrl', itemIndex, '') ?? '').trim();
	if (override) {
		const base = checkHttpUrl(context, itemIndex, 'Webhook Base URL', override);
		if (context.getNode().typeVersion >= 1.1) return triggerCallbackUrl(base, path, '');
		// Version 1 took the address without the prefix and added it: saved workflows keep that meaning.
		return triggerCallbackUrl(`${base.replace(/\/+$/, '')}/${prefixOf(active, path)}/`, path, '');
	}
	return active ?? triggerCallbackUrl(`${context.getInstanceBaseUrl().replace(/\/+$/, '')}/${DEFAULT_WEBHOOK_PREFIX}/`, path, '');
}

/** The webhook prefix segment in an active trigger's URL (.../<prefix>/<path>), else n8n's default. */
function prefixOf(activeUrl: string | undefined, path: string): string {
	if (!activeUrl) return DEFAULT_WEBHOOK_PREFIX;
	const segments = new URL(activeUrl).pathname.replace(/\/+$/, '').split('/');
	const pathSegments = path.split('/').filter(Boolean).length;
	return segments[segments.length - pathSegments - 1] || DEFAULT_WEBHOOK_PREFIX;
}

/** Keeps the Callback Secret out of output items (execution logs, AI agents). */
export function hideToken(url: unknown): unknown {
	if (typeof url !== 'string' || !url) return url;
	try {
		const parsed = new URL(url);
		if (!parsed.searchParams.has(CALLBACK_TOKEN_PARAMETER)) return url;
		parsed.searchParams.set(CALLBACK_TOKEN_PARAMETER, '***');
		return parsed.toString();
	} catch {
		return url;
	}
}
