import { asUtcTimestamp, parseDateTime, toImochaUtc } from '../../../nodes/Imocha/api/dateTime';

const utc = (text: string, zone: string) => {
	const parsed = parseDateTime(text, zone);
	return parsed.ok ? toImochaUtc(parsed.instantMs) : 'invalid';
};

describe('parseDateTime', () => {
	it('reads a value without a zone in the given zone (Asia/Kolkata, the issue example)', () => {
		expect(utc('2026-06-16T12:00:00', 'Asia/Kolkata')).toBe('2026-06-16T06:30:00Z');
	});

	it('keeps a value with Z or an offset whatever the zone', () => {
		expect(utc('2026-06-16T12:00:00Z', 'Asia/Kolkata')).toBe('2026-06-16T12:00:00Z');
		expect(utc('2026-06-16T12:00:00-0300', 'Asia/Kolkata')).toBe('2026-06-16T15:00:00Z');
		expect(utc('2026-06-16T12:00:00.750+05:45', 'UTC')).toBe('2026-06-16T06:15:00Z');
	});

	it('follows daylight saving time, and a date alone means its midnight', () => {
		expect(utc('2026-03-29T12:00:00', 'Europe/London')).toBe('2026-03-29T11:00:00Z');
		expect(utc('2026-03-28T12:00:00', 'Europe/London')).toBe('2026-03-28T12:00:00Z');
		expect(utc('2026-10-01', 'Australia/Sydney')).toBe('2026-09-30T14:00:00Z');
	});

	it('pushes a time inside the spring-forward gap forward, and takes the earlier of a repeated hour', () => {
		// New York skips 02:00-03:00 on 2026-03-08: 02:30 does not exist and becomes 03:30 EDT.
		expect(utc('2026-03-08T02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00Z');
		// 01:30 happens twice on 2026-11-01: first in EDT (05:30Z), then in EST.
		expect(utc('2026-11-01T01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00Z');
	});

	it('refuses impossible values instead of rolling them over', () => {
		for (const text of ['2026-02-30T10:00:00', '2026-06-16T24:00:00', 'next tuesday', '2026-06-16T12:00:00+25:00']) {
			expect(parseDateTime(text, 'UTC')).toEqual({ ok: false });
		}
	});
});

describe('asUtcTimestamp', () => {
	it("adds the Z iMocha leaves off the callback's AttemptedOnUtc", () => {
		expect(asUtcTimestamp('2020-10-09T13:21:53')).toBe('2020-10-09T13:21:53Z');
	});

	it('converts a value with an offset to UTC and gives nothing for a display string or null', () => {
		expect(asUtcTimestamp('2020-10-09T18:51:53+05:30')).toBe('2020-10-09T13:21:53Z');
		expect(asUtcTimestamp('09-Oct-2020 06:51 PM')).toBeUndefined();
		expect(asUtcTimestamp(null)).toBeUndefined();
	});
});
