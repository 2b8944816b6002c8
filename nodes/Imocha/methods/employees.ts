import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EMPLOYEE_LIST_FILTERS, endpoints, MAX_PAGE_SIZE, siPage } from '../api/intelligence';
import { nextToken, pageOf } from './pageToken';

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
