import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { endpoints, siRequest } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';

/** iMocha documents no parameters for this call. */
const properties: INodeProperties[] = [];

const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getValidationWeightages'] } },
	properties,
);

export const operation: ImochaOperation<null> = {
	description,
	prepare(): null {
		return null;
	},
	async execute(this: IExecuteFunctions, _input: null, itemIndex: number) {
		return toItems(await siRequest<IDataObject>(this, endpoints.validationWeightages, { itemIndex }));
	},
};
