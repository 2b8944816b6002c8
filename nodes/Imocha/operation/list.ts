import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ImochaOperation } from './contract';
import { limit, returnAll } from './fields';
import { toItems } from './output';

/** What every Get Many reads: Return All, or how many records at most. */
export interface ListInput {
	returnAll: boolean;
	limit: number;
}

export function readListInput(context: IExecuteFunctions, itemIndex: number): ListInput {
	return {
		returnAll: context.getNodeParameter('returnAll', itemIndex, false) as boolean,
		limit: context.getNodeParameter('limit', itemIndex, 50) as number,
	};
}

/**
 * A Get Many with no parameters but Return All / Limit: `fetch` returns the records, paging or
 * limiting as its endpoint allows. One output item per record.
 */
export function simpleListOperation(
	resource: string,
	fetch: (context: IExecuteFunctions, input: ListInput, itemIndex: number) => Promise<IDataObject[]>,
): ImochaOperation<ListInput> {
	return {
		description: updateDisplayOptions({ show: { resource: [resource], operation: ['getMany'] } }, [returnAll, limit]),
		prepare(this: IExecuteFunctions, itemIndex: number) {
			return readListInput(this, itemIndex);
		},
		async execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
			return toItems(await fetch(this, input, itemIndex));
		},
	};
}
