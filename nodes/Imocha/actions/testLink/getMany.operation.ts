import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listTestLinks } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { limit, readTestId, returnAll, testLocator } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { applyLimit } from '../../transport';

const properties: INodeProperties[] = [
	{ ...testLocator, description: 'The test whose links to list' },
	returnAll,
	limit,
];

const description = updateDisplayOptions({ show: { resource: ['testLink'], operation: ['getMany'] } }, properties);

interface Input extends ListInput {
	testId: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const testId = readTestId(this, itemIndex);
		return {
			testId: testId,
			...readListInput(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const links = await listTestLinks(this, input.testId, itemIndex);
		return toItems(applyLimit(links, input.returnAll, input.limit));
	},
};
