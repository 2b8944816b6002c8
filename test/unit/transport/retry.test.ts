import { backoffDelay, isRetryable, networkOutcome, parseRetryAfter, retryAfterWait } from '../../../nodes/Imocha/transport/retry';

const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };

describe('isRetryable', () => {
	it('always retries 429: iMocha refused the call before acting', () => {
		expect(isRetryable({ kind: 'status', status: 429 }, false)).toBe(true);
	});

	it.each([500, 502, 503, 504])('retries %i only when the call is safe to repeat', (status) => {
		expect(isRetryable({ kind: 'status', status }, true)).toBe(true);
		expect(isRetryable({ kind: 'status', status }, false)).toBe(false);
	});

	it.each([400, 401, 403, 404])('never retries %i', (status) => {
		expect(isRetryable({ kind: 'status', status }, true)).toBe(false);
	});

	it('retries a malformed success only when safe', () => {
		expect(isRetryable({ kind: 'malformed' }, true)).toBe(true);
		expect(isRetryable({ kind: 'malformed' }, false)).toBe(false);
	});

	it('retries a refused connection even for unsafe calls: nothing was sent', () => {
		expect(isRetryable({ kind: 'network', code: 'ECONNREFUSED' }, false)).toBe(true);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET' }, false)).toBe(false);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET' }, true)).toBe(true);
		expect(isRetryable({ kind: 'network', code: 'SOMETHING_ELSE' }, true)).toBe(false);
	});
});

describe('retryAfterWait', () => {
	it('waits the whole seconds before the last: a gateway rounds the wait up, so the window frees during it', () => {
		expect(retryAfterWait(1000)).toBe(0);
		expect(retryAfterWait(3000)).toBe(2000);
	});

	it('keeps an exact (fractional) wait and a zero one', () => {
		expect(retryAfterWait(250)).toBe(250);
		expect(retryAfterWait(1500)).toBe(1500);
		expect(retryAfterWait(0)).toBe(0);
	});
});

describe('parseRetryAfter', () => {
	it('reads delta-seconds, including fractions', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter('0.25')).toBe(250);
	});

	it('reads an HTTP date relative to now', () => {
		const now = Date.parse('2026-11-23T12:00:00Z');
		expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:03 GMT', now)).toBe(3000);
	});

	it('ignores missing or unreadable values', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

describe('backoffDelay', () => {
	it('doubles per attempt within [half, full] of the ceiling, capped', () => {
		expect(backoffDelay(1, policy, () => 0)).toBe(500);
		expect(backoffDelay(1, policy, () => 1)).toBe(1000);
		expect(backoffDelay(3, policy, () => 1)).toBe(4000);
		expect(backoffDelay(10, policy, () => 1)).toBe(8000);
	});
});

describe('networkOutcome', () => {
	it('finds the code on the error or on a wrapped cause', () => {
		expect(networkOutcome(Object.assign(new Error('x'), { code: 'ECONNRESET' })).code).toBe('ECONNRESET');
		expect(networkOutcome({ message: 'wrapped', cause: { code: 'ETIMEDOUT' } }).code).toBe('ETIMEDOUT');
		expect(networkOutcome(new Error('socket hang up')).code).toBe('ECONNRESET');
		expect(networkOutcome(new Error('timeout of 100ms exceeded')).code).toBe('ETIMEDOUT');
	});
});
