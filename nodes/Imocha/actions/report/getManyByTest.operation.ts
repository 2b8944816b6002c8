import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listReports, type ReportQuery } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { limit, readTestId, returnAll, testLocator } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { readReportFilters, reportFilters } from './listReports';

const properties: INodeProperties[] = [
	{ ...testLocator, description: 'The test whose candidate reports to list' },
	returnAll,
	limit,
	reportFilters,
];

const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getManyByTest'] } }, properties);

interface Input extends ListInput {
	testId: number;
	query: ReportQuery;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const testId = readTestId(this, itemIndex);
		return {
			testId: testId,
			...readListInput(this, itemIndex),
			query: readReportFilters(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await listReports(this, { testId: input.testId }, input.query, input, itemIndex));
	},
};
