import type { IDataObject } from 'n8n-workflow';

import { imochaRequest, type ImochaContext } from '../../transport';

/** GET /v3/tests/{testId}/testlinks (reference §5.1): the whole list, no paging documented. */
export async function listTestLinks(context: ImochaContext, testId: number, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject>(context, { method: 'GET', path: `/v3/tests/${testId}/testlinks`, itemIndex });
	return Array.isArray(body?.testLinks) ? (body.testLinks as IDataObject[]) : [];
}
