import type { IDataObject } from 'n8n-workflow';

import { imochaRequest, type ImochaContext } from '../../transport';

/**
 * GET /v3/tests. Its page was unavailable: the `tests` array (sometimes under `result`) comes
 * from third-party clients, and no paging parameters are documented, so none are sent.
 */
export async function listTests(context: ImochaContext, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject>(context, { method: 'GET', path: '/v3/tests', itemIndex });
	const wrapped = (body?.result as IDataObject | undefined)?.tests;
	const tests = Array.isArray(body?.tests) ? body.tests : Array.isArray(wrapped) ? wrapped : [];
	return tests as IDataObject[];
}
