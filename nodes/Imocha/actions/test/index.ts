import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../resource';
import * as getMany from './getMany.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['test'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the tests in your iMocha account',
			action: 'Get many tests',
		},
	],
	default: 'getMany',
};

export const test = describeResource(operationField, { getMany: getMany.operation });
