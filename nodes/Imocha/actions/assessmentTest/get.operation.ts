import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../operation/output';
import { imochaRequest } from '../../transport';
import { readTestId, testLocator } from '../../operation/fields';
import type { ImochaOperation } from '../../operation/contract';
import { testPath } from './testPath';

const properties: INodeProperties[] = [{ ...testLocator, description: 'The test to retrieve' }];

export const description = updateDisplayOptions({ show: { resource: ['test'], operation: ['get'] } }, properties);

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
		const test = await imochaRequest<IDataObject>(this, { method: 'GET', path: testPath(input.testId), itemIndex });
		return toItems(test);
	},
};
