import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listReports, type ReportQuery } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { limit, returnAll } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { readReportFilters, reportFilters } from './listReports';

const properties: INodeProperties[] = [returnAll, limit, reportFilters];

const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getMany'] } }, properties);

interface Input extends ListInput {
	query: ReportQuery;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return {
			...readListInput(this, itemIndex),
			query: readReportFilters(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await listReports(this, {}, input.query, input, itemIndex));
	},
};
