/**
 * When to try a call again, and how long to wait first.
 *
 * 429 is always retried: iMocha refused the call before doing anything. A 5xx, a malformed
 * body or a network error may come after iMocha acted, so those are retried only for calls that
 * are safe to repeat (reads, and invites, which iMocha documents as idempotent per email).
 */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Error codes where the request cannot have reached iMocha, so repeating it is always safe. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_CODES = new Set([
	...NOT_SENT_CODES,
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
	'ERR_BAD_RESPONSE',
]);

export type Outcome =
	| { kind: 'status'; status: number }
	| { kind: 'malformed' }
	| { kind: 'network'; code: string };

export function isRetryable(outcome: Outcome, idempotent: boolean): boolean {
	switch (outcome.kind) {
		case 'status':
			if (outcome.status === 429) return true;
			return idempotent && outcome.status >= 500;
		case 'malformed':
			return idempotent;
		case 'network':
			return NOT_SENT_CODES.has(outcome.code) || (idempotent && TRANSIENT_CODES.has(outcome.code));
	}
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter, so that a pool of workers does not retry in lockstep. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Maps an error thrown by n8n's HTTP helper to a network outcome (n8n may wrap the axios error). */
export function networkOutcome(error: unknown): Outcome & { kind: 'network' } {
	const candidates = [error, (error as any)?.cause, (error as any)?.cause?.cause, (error as any)?.context];
	for (const candidate of candidates) {
		const code = (candidate as any)?.code;
		if (typeof code === 'string' && code) return { kind: 'network', code };
	}
	const text = String((error as any)?.message ?? error);
	if (/timeout/i.test(text)) return { kind: 'network', code: 'ETIMEDOUT' };
	if (/socket hang up|reset/i.test(text)) return { kind: 'network', code: 'ECONNRESET' };
	return { kind: 'network', code: 'UNKNOWN' };
}
