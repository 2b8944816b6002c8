import type { IDataObject } from 'n8n-workflow';

import { collectPages, imochaRequest, type ImochaContext } from '../transport';
import { MAX_PAGE_SIZE, readSiPage, type Endpoint } from './intelligence';

interface Call {
	id?: number;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
}

/** One Skills Intelligence call: the SI host, the same API key. */
export function siRequest<T = IDataObject>(context: ImochaContext, endpoint: Endpoint, call: Call = {}): Promise<T> {
	return imochaRequest<T>(context, {
		api: 'intelligence',
		method: endpoint.method,
		path: endpoint.path(call.id),
		...(call.qs && Object.keys(call.qs).length ? { qs: call.qs } : {}),
		...(call.body ? { body: call.body } : {}),
		itemIndex: call.itemIndex,
	});
}

/** One page of an SI list, with the endpoint's own paging names. */
export async function siPage(
	context: ImochaContext,
	endpoint: Endpoint,
	page: { pageNumber: number; pageSize: number },
	call: Call = {},
) {
	const paging = endpoint.paging;
	const qs = paging ? { [paging.page]: page.pageNumber, [paging.size]: page.pageSize, ...call.qs } : call.qs;
	return readSiPage(await siRequest<unknown>(context, endpoint, { ...call, qs }));
}

/** Return All / Limit over an SI list, following its pages. */
export function siList(
	context: ImochaContext,
	endpoint: Endpoint,
	paging: { returnAll: boolean; limit: number },
	call: Call = {},
): Promise<IDataObject[]> {
	return collectPages((page) => siPage(context, endpoint, page, call), { ...paging, maxPageSize: MAX_PAGE_SIZE });
}
