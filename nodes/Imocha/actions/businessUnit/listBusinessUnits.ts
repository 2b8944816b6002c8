import type { IDataObject } from 'n8n-workflow';

import { imochaRequest, type ImochaContext } from '../../transport';

/** GET /v3/accounts/business-units (reference §9.1): `{ businessUnits: [...], count }`, no paging. */
export async function listBusinessUnits(context: ImochaContext, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject>(context, { method: 'GET', path: '/v3/accounts/business-units', itemIndex });
	return Array.isArray(body?.businessUnits) ? (body.businessUnits as IDataObject[]) : [];
}
