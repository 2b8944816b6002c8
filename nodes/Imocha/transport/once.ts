import { createHash } from 'node:crypto';

import type { ImochaContext } from './context';

/**
 * n8n's Retry On Fail re-runs the whole node, every item again, while the node throws or (with
 * Continue On Fail) while its first output item is an error item (`json.error` set; see
 * WorkflowExecute in n8n-core's execution engine). Without help, an invite that succeeded for
 * item 2 is sent again because item 1 failed, and each re-run adds the node's own Max Attempts
 * on top.
 *
 * So, while n8n's Retry On Fail is on for the node, the outcome of each call is remembered for the
 * execution, keyed by execution ID, node, item index and the exact request (method, URL, query,
 * body). A re-run of the same execution gets the remembered outcome instead of a new call:
 * - a write that succeeded is not sent again (its effect happens once per execution);
 * - a call that failed after the node's own attempts is not tried again: the node's Max Attempts
 *   already spent the retries, so a failing iMocha sees at most Max Attempts calls per item,
 *   not Max Attempts x n8n's Max Tries.
 * Reads that succeeded are read again (harmless, and their answers can be large).
 *
 * The memory is per n8n process (n8n re-runs the node in the process that runs the execution),
 * expires after an hour and holds at most MAX_ENTRIES outcomes, the oldest going first.
 */

const TTL_MS = 3600_000;
const MAX_ENTRIES = 20_000;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const remembered = new Map<string, { at: number; outcome: Outcome }>();

export interface CallIdentity {
	method: string;
	url: string;
	qs?: unknown;
	body?: unknown;
	itemIndex?: number;
	/** A read: its successes are not remembered. */
	read: boolean;
}

/** Runs `call` once per execution, node, item and request while n8n's Retry On Fail is on. */
export async function once<T>(context: ImochaContext, identity: CallIdentity, call: () => Promise<T>): Promise<T> {
	const key = keyFor(context, identity);
	if (key === undefined) return await call();
	const now = Date.now();
	forgetExpired(now);
	const known = remembered.get(key);
	// A copy: callers shape the answer they get, and the next re-run must see it unchanged.
	if (known) return unwrap(known.outcome.ok ? { ok: true, value: structuredClone(known.outcome.value) } : known.outcome) as T;
	const outcome = await call().then(
		(value): Outcome => ({ ok: true, value }),
		(error: unknown): Outcome => ({ ok: false, error }),
	);
	if (!outcome.ok) remember(key, outcome, now);
	else if (!identity.read) remember(key, { ok: true, value: structuredClone(outcome.value) }, now);
	return unwrap(outcome) as T;
}

/** The remembered error is the one the first run threw (a NodeApiError from ./errors.ts). */
function unwrap(outcome: Outcome): unknown {
	if (outcome.ok) return outcome.value;
	throw outcome.error;
}

function keyFor(context: ImochaContext, identity: CallIdentity): string | undefined {
	if (identity.itemIndex === undefined || !('getExecutionId' in context)) return undefined;
	const node = context.getNode();
	if (node.retryOnFail !== true) return undefined;
	const request = createHash('sha256')
		.update(JSON.stringify([identity.method, identity.url, identity.qs ?? null, identity.body ?? null]))
		.digest('base64url');
	return [context.getExecutionId(), node.id ?? node.name, identity.itemIndex, request].join('|');
}

function remember(key: string, outcome: Outcome, now: number): void {
	remembered.set(key, { at: now, outcome });
	while (remembered.size > MAX_ENTRIES) remembered.delete(remembered.keys().next().value as string);
}

/** Entries are in insertion order, which is time order: stop at the first fresh one. */
function forgetExpired(now: number): void {
	for (const [key, entry] of remembered) {
		if (now - entry.at < TTL_MS) return;
		remembered.delete(key);
	}
}
