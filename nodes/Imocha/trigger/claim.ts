import { randomUUID } from 'node:crypto';

import type { DeduplicationHelperFunctions, IExecuteFunctions } from 'n8n-workflow';

import type { DedupeLimits } from '../callbacks/dedupe';
import { statusKey } from '../callbacks/status';

/**
 * How many entries n8n's de-duplication store keeps per trigger node: two per callback a run
 * emitted (its key and its delivery's mark, see `claimKeys`), so the last 10,000 callbacks, the
 * default "History Size" of n8n's Remove Duplicates node, which uses the same store.
 */
export const STORE_ENTRIES = 20_000;

/** One callback a run wants to emit: its key and, when webhook() gave it one, its delivery. */
export interface Claim {
	key: string;
	delivery?: string;
}

/** Keys this process has claimed, per trigger node, with when (epoch ms); oldest first. */
const claimedHere = new Map<string, Map<string, number>>();
/** Claims waiting for the store, per trigger node, and whether a batch is with the store now. */
interface Batch {
	waiting: Array<{ context: IExecuteFunctions; claims: Claim[]; done: (emit: boolean[]) => void; fail: (error: unknown) => void }>;
	sending: boolean;
}
/**
 * n8n's store reads the node's key list, then writes it back, without a lock (n8n's
 * deduplication-helper.js, `handleHashedItems`, `removeProcessed`): two runs claiming at once in
 * one process would both see their key as new. So one batch per node is with the store at a
 * time, and the claims that arrive meanwhile go together in the next: one read and one write for
 * many callbacks.
 */
const batches = new Map<string, Batch>();

/**
 * The field of the run's input item that carries the delivery ID: set by webhook(), read and
 * removed by the run's first step, so it is in the execution data n8n stores (and a retry reuses)
 * but never in the trigger's output.
 */
export const DELIVERY_FIELD = '__imochaDelivery';

/** A new delivery ID: one per callback request that webhook() hands to n8n. */
export const newDelivery = (): string => randomUUID();

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
 * Decides, for one run, which of its callbacks it emits, in n8n's own de-duplication store (the
 * database table behind Remove Duplicates: shared by every n8n process on that database, kept
 * across restarts, the last STORE_ENTRIES entries per node).
 *
 * A callback is emitted by the first run that claims its key (`<TestInvitationId>:<status>`), and
 * again only by a rerun of that same run. The second part is what makes a crash safe: a run n8n
 * retries after a crash carries the input of the run it retries (n8n 2.40.7
 * `executions/execution.service.js` `retry` reuses the stored execution data), so the delivery ID
 * webhook() gave it comes back. The winner records its key and `<key>|<delivery>` in one write;
 * a rerun finds its own mark and emits, whether or not the first attempt's output was saved; a
 * repeat (another delivery of a claimed key) finds the key and not its mark, and emits nothing,
 * also when retried. A repeat's mark is removed again before its run goes on (one more write of
 * the same batch); a repeat killed between those two writes and then retried would emit again.
 * Claims without a delivery (runs created by an older version) emit on the first claim only.
 *
 * Claims of one node go to the store one batch at a time in this process, so with one process
 * running executions (regular mode, or queue mode with one worker) every key is won once. An n8n
 * without the store (no `checkProcessedAndRecord` helper) falls back to this process's memory.
 * Returns, per claim, whether to emit it. Throws what the store throws (e.g. the database is
 * unreachable): the run then fails, visibly, and can be retried from n8n's executions list.
 */
export function claimKeys(context: IExecuteFunctions, scope: string, claims: Claim[]): Promise<boolean[]> {
	let batch = batches.get(scope);
	if (!batch) {
		batch = { waiting: [], sending: false };
		batches.set(scope, batch);
	}
	const queued = new Promise<boolean[]>((done, fail) => batch.waiting.push({ context, claims, done, fail }));
	if (!batch.sending) void send(scope, batch);
	return queued;
}

const deliveryMark = (claim: Claim) => `${claim.key}|${claim.delivery}`;

async function send(scope: string, batch: Batch): Promise<void> {
	batch.sending = true;
	while (batch.waiting.length) {
		const runs = batch.waiting.splice(0);
		try {
			// Any run's context can ask: the store is keyed by workflow and node, not by run.
			const context = runs[0].context;
			const entries = runs.flatMap((run) => run.claims.flatMap((claim) => (claim.delivery ? [claim.key, deliveryMark(claim)] : [claim.key])));
			const fresh = await claimNow(context, scope, entries);
			const won = new Set<string>();
			const repeatMarks: string[] = [];
			const decisions = runs.map((run) =>
				run.claims.map((claim) => {
					// Within a batch, the first claim of a key wins it.
					if (fresh.has(claim.key) && !won.has(claim.key)) {
						won.add(claim.key);
						return true;
					}
					if (!claim.delivery) return false;
					if (!fresh.has(deliveryMark(claim))) return true;
					repeatMarks.push(deliveryMark(claim));
					return false;
				}),
			);
			if (repeatMarks.length) await unclaim(context, scope, repeatMarks);
			runs.forEach((run, index) => run.done(decisions[index]));
		} catch (error) {
			for (const run of runs) run.fail(error);
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

async function unclaim(context: IExecuteFunctions, scope: string, keys: string[]): Promise<void> {
	const remove = (context.helpers as Partial<DeduplicationHelperFunctions>).removeProcessed;
	if (typeof remove === 'function') await remove.call(context.helpers, keys, 'node', { mode: 'entries', maxEntries: STORE_ENTRIES });
	for (const key of keys) claimedHere.get(scope)?.delete(key);
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
