import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as get from './get.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['careerPath'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: "Retrieve an employee's career path: the roles they could move to and the skills each needs",
			action: 'Get an employee career path',
		},
	],
	default: 'get',
};

export const careerPath = describeResource(operationField, { get: get.operation });
