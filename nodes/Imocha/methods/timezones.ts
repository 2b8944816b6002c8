import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listTimezones } from '../api/assessment';

export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const timezones = await listTimezones(this);
	return timezones.map((zone) => ({ name: String(zone.timeZoneName ?? zone.timeZoneId), value: Number(zone.timeZoneId) }));
}
