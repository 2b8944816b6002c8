import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../helpers/output';
import { applyLimit } from '../../transport';
import { limit, returnAll } from '../common.descriptions';
import type { ImochaOperation } from '../types';
import { listBusinessUnits } from './listBusinessUnits';

const properties: INodeProperties[] = [returnAll, limit];

export const description = updateDisplayOptions({ show: { resource: ['businessUnit'], operation: ['getMany'] } }, properties);

interface Input {
	returnAll: boolean;
	limit: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return {
			returnAll: this.getNodeParameter('returnAll', itemIndex, false) as boolean,
			limit: this.getNodeParameter('limit', itemIndex, 50) as number,
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(applyLimit(await listBusinessUnits(this, itemIndex), input.returnAll, input.limit));
	},
};
