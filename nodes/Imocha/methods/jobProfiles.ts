import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { endpoints, jobProfileLabel, MAX_PAGE_SIZE, siPage } from '../api/intelligence';
import { nextToken, pageOf } from './pageToken';

/** Job profiles for the From List mode; no search parameter is known, so the page is filtered here. */
export async function searchJobProfiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = pageOf(paginationToken);
	const wanted = filter?.trim().toLowerCase();
	const page = await siPage(this, endpoints.jobProfileList, { pageNumber, pageSize: MAX_PAGE_SIZE });
	return {
		results: page.items
			.map((profile: IDataObject) => ({ name: jobProfileLabel(profile), value: String(profile.jobProfileId) }))
			.filter((entry) => !wanted || entry.name.toLowerCase().includes(wanted) || entry.value === wanted),
		paginationToken: nextToken(page.hasNext, pageNumber),
	};
}
