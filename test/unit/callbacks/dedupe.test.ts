import type { IDataObject } from 'n8n-workflow';

import { isDuplicate, prune, seenKeysIn, WEBHOOK_DEDUPE, type SeenKeys } from '../../../nodes/Imocha/callbacks/dedupe';

const HOUR = 3600_000;

describe('isDuplicate', () => {
	it('lets a key through once and stops the repeats (iMocha retries 5 times)', () => {
		const seen: SeenKeys = {};
		const results = Array.from({ length: 6 }, (_, attempt) => isDuplicate(seen, '331469:complete', WEBHOOK_DEDUPE, 1000 + attempt));
		expect(results).toEqual([false, true, true, true, true, true]);
		expect(seen).toEqual({ '331469:complete': 1000 });
	});

	it('treats another status of the same invitation as a new event', () => {
		const seen: SeenKeys = {};
		expect(isDuplicate(seen, '1:inProgress', WEBHOOK_DEDUPE, 0)).toBe(false);
		expect(isDuplicate(seen, '1:complete', WEBHOOK_DEDUPE, 1)).toBe(false);
	});

	it('forgets keys after the TTL, so a later replay starts a run again', () => {
		const seen: SeenKeys = {};
		const limits = { ttlMs: 24 * HOUR, maxKeys: 10 };
		expect(isDuplicate(seen, 'a', limits, 0)).toBe(false);
		expect(isDuplicate(seen, 'a', limits, 24 * HOUR - 1)).toBe(true);
		expect(isDuplicate(seen, 'a', limits, 24 * HOUR)).toBe(false);
		expect(seen).toEqual({ a: 24 * HOUR });
	});

	it('prunes expired keys of other events on every call', () => {
		const seen: SeenKeys = { old: 0, recent: 10 * HOUR };
		isDuplicate(seen, 'new', { ttlMs: 12 * HOUR, maxKeys: 10 }, 13 * HOUR);
		expect(Object.keys(seen).sort()).toEqual(['new', 'recent']);
	});

	it('keeps at most maxKeys, dropping the oldest first, and keeps the new key', () => {
		const seen: SeenKeys = {};
		const limits = { ttlMs: HOUR, maxKeys: 3 };
		for (const [index, key] of ['a', 'b', 'c', 'd', 'e'].entries()) isDuplicate(seen, key, limits, index);
		expect(seen).toEqual({ c: 2, d: 3, e: 4 });
		// A key still inside the cap is still a duplicate, even when it is the oldest.
		expect(isDuplicate(seen, 'c', limits, 5)).toBe(true);
		expect(Object.keys(seen)).toHaveLength(3);
	});

	it('remembers nothing with a TTL of 0 (de-duplication off)', () => {
		const seen: SeenKeys = { stale: 1 };
		expect(isDuplicate(seen, 'a', { ttlMs: 0, maxKeys: 10 }, 5)).toBe(false);
		expect(isDuplicate(seen, 'a', { ttlMs: 0, maxKeys: 10 }, 6)).toBe(false);
		expect(seen).toEqual({});
	});

	it('uses a 24 h window and 5,000 keys for the webhook by default', () => {
		expect(WEBHOOK_DEDUPE).toEqual({ ttlMs: 24 * HOUR, maxKeys: 5000 });
	});
});

describe('prune and storage', () => {
	it('drops entries whose timestamp is not a number (hand-edited static data)', () => {
		const seen = { good: 5, bad: 'x' } as unknown as SeenKeys;
		prune(seen, { ttlMs: HOUR, maxKeys: 10 }, 10);
		expect(seen).toEqual({ good: 5 });
	});

	it('keeps the keys in static data under one name and reuses them', () => {
		const staticData: IDataObject = {};
		const first = seenKeysIn(staticData);
		first.a = 1;
		expect(seenKeysIn(staticData)).toBe(first);
		expect(staticData).toEqual({ seen: { a: 1 } });
		expect(seenKeysIn({ seen: 'corrupt' })).toEqual({});
	});
});
