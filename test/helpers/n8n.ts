/**
 * One real n8n per test file, wired to an in-process iMocha sandbox: the credential points at the
 * sandbox, the given workflows are imported, n8n is started, and workflows are activated through
 * n8n's public API (no CLI boot per workflow).
 */
import * as path from 'node:path';

import { sandboxCredentialImport } from '../../sandbox/credential';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8nInstance } from '../../scripts/n8n/instance';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import type { CredentialRef } from '../../scripts/workflows/chain';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const CALLBACK_SECRET = 's3cret';
/** beforeAll budget: the first run on a machine installs Node 24 + n8n (~6 minutes). */
export const SETUP_TIMEOUT_MS = 15 * 60_000;

export interface Harness {
	n8n: N8nInstance;
	sandbox: Sandbox;
	stop(): Promise<void>;
}

export function sandboxCredential(credential: CredentialRef, sandbox: Sandbox, callbackSecret = CALLBACK_SECRET) {
	return sandboxCredentialImport(credential, sandbox.url, callbackSecret);
}

export async function startHarness(options: {
	credential: CredentialRef;
	workflows: Array<{ id: string }>;
	/** Activated through the public API once n8n runs; their triggers register live. */
	activate?: string[];
}): Promise<Harness> {
	await ensureRuntime((msg) => process.stderr.write(`${msg}\n`));
	// Stops by itself should a crashed run forget it.
	const sandbox = await startSandbox({ maxLifetimeMs: 20 * 60_000 });
	let n8n: N8nInstance | undefined;
	try {
		n8n = await N8nInstance.create({ packageRoot: repoRoot });
		await n8n.importCredentials([sandboxCredential(options.credential, sandbox)]);
		await n8n.importWorkflows(options.workflows);
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
		for (const id of options.activate ?? []) await n8n.activate(id);
	} catch (error) {
		await n8n?.stop();
		await sandbox.close();
		throw error;
	}
	const instance = n8n;
	return {
		n8n: instance,
		sandbox,
		async stop() {
			await instance.stop();
			await sandbox.close();
		},
	};
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(300);
	}
}

/** The items a node returned in an execution fetched with includeData. */
export function nodeOutput(execution: any, nodeName: string): Array<{ json: any; binary?: any }> {
	const runs = execution?.data?.resultData?.runData?.[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; nodes that ran: ${Object.keys(execution?.data?.resultData?.runData ?? {}).join(', ')}`);
	return runs.at(-1).data.main[0];
}

/** The error a failed execution stored, for assertion messages. */
export function executionError(execution: any): string | undefined {
	const error = execution?.data?.resultData?.error;
	return error ? `${error.node?.name ?? ''}: ${error.message} ${error.description ?? ''}` : undefined;
}
