import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../helpers/output';
import { limit, returnAll } from '../common.descriptions';
import { endpoints } from '../intelligence/endpoints';
import { siList } from '../intelligence/request';
import type { ImochaOperation } from '../types';

const properties: INodeProperties[] = [returnAll, limit];

export const description = updateDisplayOptions({ show: { resource: ['jobProfile'], operation: ['getMany'] } }, properties);

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
		return toItems(await siList(this, endpoints.jobProfileList, input, { itemIndex }));
	},
};
