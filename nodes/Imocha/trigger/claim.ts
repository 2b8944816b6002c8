import type { DeduplicationHelperFunctions, IExecuteFunctions } from 'n8n-workflow';

import type { DedupeLimits } from '../callbacks/dedupe';
import { statusKey } from '../callbacks/status';

/**
 * How many callback keys n8n's de-duplication store keeps per trigger node: the default
 * "History Size" of n8n's Remove Duplicates node, which uses the same store.
 */
export const STORE_ENTRIES = 10_000;

/** Keys this process has claimed, per trigger node, with when (epoch ms); oldest first. */
const claimedHere = new Map<string, Map<string, number>>();
/** Claims waiting for the store, per trigger node, and whether a batch is with the store now. */
interface Batch {
	waiting: Array<{ context: IExecuteFunctions; keys: string[]; done: (fresh: Set<string>) => void; fail: (error: unknown) => void }>;
	sending: boolean;
}
/**
 * n8n's store reads the node's key list, then writes it back, without a lock (n8n's
 * deduplication-helper.js, `handleHashedItems`): two runs claiming at once in one process would
 * both see their key as new. So one batch per node is with the store at a time, and the claims
 * that arrive meanwhile go together in the next: one read and one write for many callbacks.
 */
const batches = new Map<string, Batch>();

/** One callback's identity: the same attempt in the same state ("Test Left" and "TestLeft" alike). */
export function callbackKey(event: { testInvitationId: number; status: string }): string {
	return `${event.testInvitationId}:${statusKey(event.status)}`;
}

/** The key of one trigger node in one workflow, for the per-process maps. */
export function claimScope(workflowId: string | undefined, nodeName: string): string {
	return `${workflowId ?? ''}/${nodeName}`;
}

/**
 * Whether this process claimed `key` within the window: the webhook answers such a repeat
 * ("duplicate") without asking n8n for a run. Only keys claimed by a run count, so a callback
 * whose run was never created is never mistaken for a duplicate. Another process's claims are
 * not known here; their repeats get a run that the claim then stops (see `claimKeys`).
 */
export function claimedRecently(scope: string, key: string, limits: DedupeLimits, now = Date.now()): boolean {
	if (limits.ttlMs <= 0) return false;
	const at = claimedHere.get(scope)?.get(key);
	return at !== undefined && now - at < limits.ttlMs;
}

/**
 * Claims callback keys (`<TestInvitationId>:<status>`) for one run, in n8n's own de-duplication
 * store (the database table behind Remove Duplicates: shared by every n8n process on that
 * database, kept across restarts, the last STORE_ENTRIES keys per node). Returns the keys no
 * earlier run claimed; the caller emits only their events. Claims of one node go to the store one
 * batch at a time in this process, so with one process running executions (regular mode, or
 * queue mode with one worker) every key is claimed exactly once. An n8n without the store (no
 * `checkProcessedAndRecord` helper) falls back to this process's memory. Throws what the store throws (e.g. the database is unreachable): the run
 * then fails, visibly, and can be retried from n8n's executions list.
 */
export function claimKeys(context: IExecuteFunctions, scope: string, keys: string[]): Promise<Set<string>> {
	let batch = batches.get(scope);
	if (!batch) {
		batch = { waiting: [], sending: false };
		batches.set(scope, batch);
	}
	const queued = new Promise<Set<string>>((done, fail) => batch.waiting.push({ context, keys, done, fail }));
	if (!batch.sending) void send(scope, batch);
	return queued;
}

async function send(scope: string, batch: Batch): Promise<void> {
	batch.sending = true;
	while (batch.waiting.length) {
		const claims = batch.waiting.splice(0);
		try {
			// Any run's context can ask: the store is keyed by workflow and node, not by run.
			const fresh = await claimNow(claims[0].context, scope, claims.flatMap((claim) => claim.keys));
			// Within a batch, the first claim of a key wins it.
			for (const claim of claims) {
				const won = new Set(claim.keys.filter((key) => fresh.delete(key)));
				claim.done(won);
			}
		} catch (error) {
			for (const claim of claims) claim.fail(error);
		}
	}
	batch.sending = false;
	batches.delete(scope);
}

async function claimNow(context: IExecuteFunctions, scope: string, keys: string[]): Promise<Set<string>> {
	const store = (context.helpers as Partial<DeduplicationHelperFunctions>).checkProcessedAndRecord;
	const fresh = new Set<string>();
	if (typeof store === 'function') {
		const checked = await store.call(context.helpers, [...new Set(keys)], 'node', { mode: 'entries', maxEntries: STORE_ENTRIES });
		for (const key of checked.new) fresh.add(String(key));
	} else {
		for (const key of keys) if (!claimedHere.get(scope)?.has(key)) fresh.add(key);
	}
	const now = Date.now();
	for (const key of keys) remember(scope, key, now);
	return fresh;
}

function remember(scope: string, key: string, now: number): void {
	let keys = claimedHere.get(scope);
	if (!keys) {
		keys = new Map();
		claimedHere.set(scope, keys);
	}
	keys.delete(key);
	keys.set(key, now);
	// A Map iterates in insertion order: the first entries are the oldest.
	for (const oldest of keys.keys()) {
		if (keys.size <= STORE_ENTRIES) break;
		keys.delete(oldest);
	}
}
