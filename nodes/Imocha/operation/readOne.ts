import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ImochaContext } from '../transport';
import type { ImochaOperation } from './contract';
import { toItems } from './output';

/**
 * An operation that reads one record named by one locator and returns iMocha's answer as it is
 * (a test, its settings, an employee's career path or assessment report): only the locator, its
 * wording and the api function differ.
 */
export function readOneOperation(
	show: { resource: string[]; operation: string[] },
	locator: INodeProperties,
	readId: (context: IExecuteFunctions, itemIndex: number) => number,
	fetch: (context: ImochaContext, id: number, itemIndex: number) => Promise<IDataObject>,
): ImochaOperation<{ id: number }> {
	return {
		description: updateDisplayOptions({ show }, [locator]),
		prepare(this: IExecuteFunctions, itemIndex: number) {
			return { id: readId(this, itemIndex) };
		},
		async execute(this: IExecuteFunctions, input: { id: number }, itemIndex: number) {
			return toItems(await fetch(this, input.id, itemIndex));
		},
	};
}
