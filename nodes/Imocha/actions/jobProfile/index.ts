import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as createJobCode from './createJobCode.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['jobProfile'] } },
	options: [
		{
			name: 'Create Job Code',
			value: 'createJobCode',
			description: 'Create a job code under a job profile',
			action: 'Create a job code',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve one job profile with the skills it requires',
			action: 'Get a job profile',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the job profiles in Skills Intelligence',
			action: 'Get many job profiles',
		},
	],
	default: 'getMany',
};

export const jobProfile = describeResource(operationField, {
	createJobCode: createJobCode.operation,
	get: get.operation,
	getMany: getMany.operation,
});
