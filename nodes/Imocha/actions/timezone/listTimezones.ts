import type { IDataObject } from 'n8n-workflow';

import { imochaRequest, type ImochaContext } from '../../transport';

/**
 * List timezones' page was unavailable (reference §2.5). Assumed: GET /v3/timezones answering
 * `{ timezones: [{ timeZoneId, timeZoneName }] }`; a bare array is accepted too.
 */
export const TIMEZONES_PATH = '/v3/timezones';

export async function listTimezones(context: ImochaContext, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject | IDataObject[]>(context, { method: 'GET', path: TIMEZONES_PATH, itemIndex });
	if (Array.isArray(body)) return body;
	return Array.isArray(body?.timezones) ? (body.timezones as IDataObject[]) : [];
}
