import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ReportQuery } from '../../api/assessment';
import { checkUtcDateTime, invalid } from '../../operation/validate';

/** The date window and detail of Get Many and Get Many by Test (read by readReportFilters). */
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
