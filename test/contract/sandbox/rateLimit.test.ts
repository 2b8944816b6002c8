/** The sandbox's rate limit: fixed and sliding one-second windows, Retry-After, a quota changed mid-run. */
import { Faults } from '../../../sandbox/faults';

function limiter(config: Parameters<Faults["configure"]>[0]) {
	const faults = new Faults();
	faults.configure(config);
	return faults;
}

describe('sandbox rate limit', () => {
	it('fixed window: the limit per window that starts at the first call after the last one ended', () => {
		const faults = limiter({ rateLimitPerSecond: 3, rateWindow: 'fixed', retryAfterWholeSeconds: true });
		expect([0, 100, 200].map((t) => faults.rateLimited(10_000 + t))).toEqual([undefined, undefined, undefined]);
		const refused = faults.rateLimited(10_300);
		expect(refused?.status).toBe(429);
		// 700 ms to go, rounded up to whole seconds as a gateway sends it.
		expect(refused?.headers).toEqual({ 'Retry-After': '1' });
		// A new window: three more at once.
		expect([1000, 1000, 1000].map((t) => faults.rateLimited(10_000 + t))).toEqual([undefined, undefined, undefined]);
		expect(faults.refusedCount).toBe(1);
	});

	it('sliding window: the limit in any one second, with the exact wait when fractions are allowed', () => {
		const faults = limiter({ rateLimitPerSecond: 3, rateWindow: 'sliding' });
		[0, 400, 800].forEach((t) => expect(faults.rateLimited(10_000 + t)).toBeUndefined());
		// A fixed window would have reset at 1000; the sliding one frees a slot only at 1000 after the first.
		expect(faults.rateLimited(10_900)?.headers).toEqual({ 'Retry-After': '0.100' });
		expect(faults.rateLimited(11_000)).toBeUndefined();
		expect(faults.rateLimited(11_100)?.status).toBe(429);
		expect(faults.rateLimited(11_400)).toBeUndefined();
	});

	it('answers 429 without Retry-After when told to, and never tells the limit', () => {
		const faults = limiter({ rateLimitPerSecond: 1, retryAfter: false });
		faults.rateLimited(10_000);
		const refused = faults.rateLimited(10_001);
		expect(refused?.status).toBe(429);
		expect(refused?.headers).toEqual({});
		expect(JSON.stringify(refused)).not.toMatch(/limit.*1|remaining/i);
	});

	it('changes the quota mid-run on a schedule', () => {
		const faults = limiter({ rateLimitPerSecond: 10, rateChanges: [{ afterMs: 60_000, perSecond: 2 }] });
		expect(faults.limitAt(Date.now())).toBe(10);
		expect(faults.limitAt(Date.now() + 61_000)).toBe(2);
	});
});
