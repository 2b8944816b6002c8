import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../operation/output';
import { imochaRequest, type ImochaContext } from '../../transport';
import { readTestId, testLocator } from '../../operation/fields';
import type { ImochaOperation } from '../../operation/contract';
import { testPath } from './testPath';

const properties: INodeProperties[] = [
	{ ...testLocator, description: 'The test whose settings to retrieve' },
];

export const description = updateDisplayOptions({ show: { resource: ['test'], operation: ['getSettings'] } }, properties);

/** GET /v3/tests/{testId}/settings (reference §3.3). */
export function fetchSettings(context: ImochaContext, testId: number, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'GET', path: `${testPath(testId)}/settings`, itemIndex });
}

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
		return toItems(await fetchSettings(this, input.testId, itemIndex));
	},
};
