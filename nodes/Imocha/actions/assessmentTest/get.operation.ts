import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getTest } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { readTestId, testLocator } from '../../operation/fields';
import { toItems } from '../../operation/output';

const properties: INodeProperties[] = [{ ...testLocator, description: 'The test to retrieve' }];

const description = updateDisplayOptions({ show: { resource: ['test'], operation: ['get'] } }, properties);

interface Input {
	testId: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const testId = readTestId(this, itemIndex);
		return { testId: testId };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await getTest(this, input.testId, itemIndex));
	},
};
