/**
 * When to try a call again, and how long to wait first.
 *
 * 429 is always retried: iMocha refused the call before doing anything. A 5xx, a malformed
 * body, a timeout or a reset connection may come after iMocha acted, so those are retried only
 * for calls that are safe to repeat, marked `idempotent` by the operation:
 *
 * | Safe to repeat (idempotent: true)                  | Why                                          |
 * |----------------------------------------------------|----------------------------------------------|
 * | every GET (tests, links, reports, PDF, timezones, SI reads, units, job profiles) | reads |
 * | Invitation > Invite, Invite by Test Link           | iMocha returns the same invitation per email (https://developer.imocha.io/invite-candidate-18117335e0, https://developer.imocha.io/invite-candidate-by-test-link-18117806e0) |
 * | Callback > Get Attempts, Poll Trigger (POST search)| a search, changes nothing                    |
 * | Test > Update Settings, User > Update, Activate, Deactivate | set a value: twice = once          |
 *
 * | Not retried after a possible side effect           | Why                                          |
 * |----------------------------------------------------|----------------------------------------------|
 * | Invitation > Reattempt                             | while a reattempt is open a repeat returns it but applies the window (and email) again; after a finished attempt each call opens a new invitation (https://developer.imocha.io/reattempt-test-18118150e0) |
 * | Invitation > Cancel                                | a second call fails: the first already cancelled |
 * | User > Create                                      | a second call fails: the user exists         |
 * | Callback > Process                                 | each call re-sends the callbacks downstream  |
 * | GDPR > Mask Data                                   | queues a request per call (idempotent in effect, not marked by its operation) |
 * | Employee > Upsert / Update Status, Job Profile > Create Job Code, other SI writes | not documented as safe |
 *
 * The operations themselves pass the flag; this table is kept beside the code that reads it.
 */
export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A 429 asking for a longer wait fails at once: a quota that resets in an hour is not a burst. */
	maxRetryAfterMs?: number;
}

export const MAX_RETRY_AFTER_MS = 120_000;

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxRetryAfterMs: MAX_RETRY_AFTER_MS,
};

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

/**
 * Retry-After is delta-seconds or an HTTP date. Gateways send whole seconds (rounded up, so the
 * pool may wait up to a second longer than needed); fractions are accepted too.
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long a refused call waits before it queues again, ms, given its Retry-After in ms. Delay
 * seconds are whole (RFC 9110 §10.2.3: https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3) and
 * a gateway rounds them up, so the window frees during the last of those seconds: waiting all
 * of it would leave most of a second unused. The call waits the seconds before that one, then
 * the pacer lets it go, first in line, once the window it learnt has room (pacer.ts).
 * A fractional value is exact and kept.
 */
export function retryAfterWait(hintedMs: number): number {
	return hintedMs >= 1000 && hintedMs % 1000 === 0 ? hintedMs - 1000 : hintedMs;
}

/** Exponential backoff with jitter, so that a pool of workers does not retry in lockstep. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The fields of an error (or of the errors it wraps) that name a network failure. */
interface WrappedError {
	cause?: WrappedError;
	context?: unknown;
	code?: unknown;
	message?: unknown;
}

/** Maps an error thrown by n8n's HTTP helper to a network outcome (n8n may wrap the axios error). */
export function networkOutcome(error: unknown): Outcome & { kind: 'network' } {
	const wrapped = error as WrappedError | null | undefined;
	const candidates = [wrapped, wrapped?.cause, wrapped?.cause?.cause, wrapped?.context as WrappedError | undefined];
	for (const candidate of candidates) {
		const code = candidate?.code;
		if (typeof code === 'string' && code) return { kind: 'network', code };
	}
	const text = String(wrapped?.message ?? error);
	if (/timeout/i.test(text)) return { kind: 'network', code: 'ETIMEDOUT' };
	if (/socket hang up|reset/i.test(text)) return { kind: 'network', code: 'ECONNRESET' };
	return { kind: 'network', code: 'UNKNOWN' };
}
