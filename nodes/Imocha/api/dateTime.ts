/**
 * Date-times as n8n means them and iMocha wants them. n8n's date-time fields and its Wait node
 * read a value without a zone in the workflow's time zone (Workflow Settings > Timezone, which
 * `getTimezone()` returns); iMocha documents UTC `YYYY-MM-DDTHH:mm:ssZ` only
 * (https://developer.imocha.io/invite-candidate-18117335e0). Built on Intl, which ships the IANA
 * zone database with Node, so the package needs no date library at run time.
 */

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(instantMs: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which the zone's clock shows the wall time (given as if it were UTC, in ms).
 * In a spring-forward gap the clock never shows that time: the result is pushed forward by the
 * gap, as n8n's date library (Luxon) does. In a fall-back overlap the earlier instant is taken.
 */
function wallTimeToInstant(wallMs: number, timeZone: string): number {
	const before = offsetAt(wallMs - 86_400_000, timeZone);
	const after = offsetAt(wallMs + 86_400_000, timeZone);
	// Try both offsets around the wall time; keep a candidate whose offset is consistent.
	const candidates = [wallMs - before, wallMs - after].filter((instant) => instant + offsetAt(instant, timeZone) === wallMs);
	if (candidates.length) return Math.min(...candidates);
	return wallMs - before;
}

export type ParsedDateTime = { ok: true; instantMs: number; hadZone: boolean } | { ok: false };

/**
 * Reads an ISO 8601 date or date-time. With `Z` or an offset the value is that instant; without,
 * it is a wall time in `timeZone`; a date alone means its midnight. Impossible calendar values
 * (2026-02-30, 24:00) are refused rather than rolled over.
 */
export function parseDateTime(text: string, timeZone: string): ParsedDateTime {
	const match = ISO_SHAPE.exec(text.trim());
	if (!match) return { ok: false };
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const numbers = [year, month, day, hour, minute, second].map(Number);
	const [y, mo, d, h, mi, s] = numbers;
	const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return { ok: false };
	const millis = fraction ? Math.floor(Number(fraction) * 1000) : 0;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s, millis);
	if (zone) {
		if (/^z$/i.test(zone)) return { ok: true, instantMs: wall, hadZone: true };
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.replace(/[^\d]/g, '');
		const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
		if (offsetMinutes > 18 * 60) return { ok: false };
		return { ok: true, instantMs: wall - sign * offsetMinutes * 60_000, hadZone: true };
	}
	return { ok: true, instantMs: wallTimeToInstant(wall, timeZone), hadZone: false };
}

/** `YYYY-MM-DDTHH:mm:ssZ`, the one request form iMocha documents (https://developer.imocha.io/invite-candidate-18117335e0). */
export function toImochaUtc(instant: Date | number): string {
	return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A UTC time iMocha sent without a zone (`AttemptedOnUtc: "2020-10-09T13:21:53"` in the callback,
 * https://developer.imocha.io/callback-notification-1174961m0) with the `Z` that says so, so a Date & Time node in a non-UTC
 * workflow does not shift it. A value that has a zone is converted to UTC; anything else gives undefined.
 */
export function asUtcTimestamp(value: unknown): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	const parsed = parseDateTime(value, 'UTC');
	return parsed.ok ? toImochaUtc(parsed.instantMs) : undefined;
}
