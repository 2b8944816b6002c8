import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkUtcDateTime, invalid } from '../../operation/validate';
import { collectPages, imochaRequest, readEnvelope } from '../../transport';

/**
 * Get All Reports (reference §6.4, third-party evidence): `PageNo` from 1, `PageSize` up to
 * 100, `startDate` / `endDate` in UTC, `includeSections`; the envelope holds `reports[]` and
 * `hasNextPage`. Get Reports By TestId (§6.3) is assumed to page and filter the same way.
 */
export const ALL_REPORTS_PATH = '/v3/reports';
export const reportsByTestPath = (testId: number): string => `/v3/tests/${testId}/reports`;
export const MAX_PAGE_SIZE = 100;

export const reportFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description:
				'Only reports from this moment on (UTC unless the value has a zone). Without Start Date and End Date, iMocha returns only the last 7 days.',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description:
				'Only reports up to this moment (UTC unless the value has a zone). Without Start Date and End Date, iMocha returns only the last 7 days.',
		},
		{
			displayName: 'Include Sections',
			name: 'includeSections',
			type: 'boolean',
			default: false,
			description: 'Whether to include the section-wise scores (sections) in each report',
		},
	],
};

export interface ReportQuery {
	startDate?: string;
	endDate?: string;
	includeSections?: boolean;
}

export function readReportFilters(context: IExecuteFunctions, itemIndex: number): ReportQuery {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: ReportQuery = {};
	if (filters.startDate) query.startDate = checkUtcDateTime(context, itemIndex, 'Start Date', filters.startDate);
	if (filters.endDate) query.endDate = checkUtcDateTime(context, itemIndex, 'End Date', filters.endDate);
	if (query.startDate && query.endDate && query.startDate > query.endDate) {
		throw invalid(context, itemIndex, 'End Date', `(${query.endDate}) is before the Start Date (${query.startDate})`, 'Swap the two dates.');
	}
	if (filters.includeSections !== undefined) query.includeSections = filters.includeSections === true;
	return query;
}

export async function listReports(
	context: IExecuteFunctions,
	path: string,
	query: ReportQuery,
	paging: { returnAll: boolean; limit: number },
	itemIndex: number,
): Promise<IDataObject[]> {
	return collectPages(
		async ({ pageNumber, pageSize }) => {
			const body = await imochaRequest<IDataObject>(context, {
				method: 'GET',
				path,
				qs: { PageNo: pageNumber, PageSize: pageSize, ...query },
				itemIndex,
			});
			return readEnvelope<IDataObject>(body, 'reports');
		},
		{ ...paging, maxPageSize: MAX_PAGE_SIZE },
	);
}
