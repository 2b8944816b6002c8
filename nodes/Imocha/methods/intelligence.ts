import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EMPLOYEE_LIST_FILTERS, endpoints, jobProfileLabel, MAX_PAGE_SIZE } from '../api/intelligence';
import { siPage } from '../api/intelligenceRequest';

/** The next page to show as the user scrolls the list. */
function pageOf(token?: string): number {
	const page = Number(token);
	return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

function nextToken(hasNext: boolean, page: number): string | undefined {
	return hasNext ? String(page + 1) : undefined;
}

/** Employees for the From List mode; iMocha does the search (searchText on the employee list). */
export async function searchEmployees(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = pageOf(paginationToken);
	const search = filter?.trim();
	const page = await siPage(
		this,
		endpoints.employeeList,
		{ pageNumber, pageSize: MAX_PAGE_SIZE },
		{ qs: search ? { [EMPLOYEE_LIST_FILTERS.search]: search } : {} },
	);
	return {
		results: page.items.map((employee: IDataObject) => ({
			name: `${String(employee.fullName || employee.email || employee.employeeId)}${employee.email ? ` (${String(employee.email)})` : ''}`,
			value: String(employee.employeeId),
		})),
		paginationToken: nextToken(page.hasNext, pageNumber),
	};
}

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
