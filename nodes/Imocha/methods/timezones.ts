import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listTimezones } from '../api/assessment';

/**
 * The UTC offset in minutes that a zone name starts with, "(UTC+05:30) Chennai" -> 330, "(UTC) ..." -> 0;
 * undefined for a name without one. The name format is the sandbox's assumption (README, Unverified).
 */
function offsetMinutes(name: string): number | undefined {
	const match = /^\(UTC(?:([+-])(\d{1,2}):(\d{2}))?\)/.exec(name);
	if (!match) return undefined;
	if (!match[1]) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/**
 * Time zones for the optional Time Zone field: "Not Set" first (value '', sent as nothing, so an
 * empty field is a valid choice rather than n8n's "value is not supported"), then iMocha's zones
 * from west to east, as operating systems list them; names without an offset come last.
 */
export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const timezones = await listTimezones(this);
	const zones = timezones.map((zone) => ({ name: String(zone.timeZoneName ?? zone.timeZoneId), value: Number(zone.timeZoneId) }));
	const key = (name: string) => offsetMinutes(name) ?? Number.POSITIVE_INFINITY;
	zones.sort((a, b) => key(a.name) - key(b.name) || a.name.localeCompare(b.name));
	return [{ name: "Not Set (iMocha's Default)", value: '' }, ...zones];
}
