import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as activate from './activate.operation';
import * as create from './create.operation';
import * as deactivate from './deactivate.operation';
import * as update from './update.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['user'] } },
	options: [
		{
			name: 'Activate',
			value: 'activate',
			description: "Turn a user's access back on",
			action: 'Activate a user',
		},
		{
			name: 'Create',
			value: 'create',
			description:
				'Create an iMocha user with the Reviewer role; iMocha emails them a link to set a password',
			action: 'Create a user',
		},
		{
			name: 'Deactivate',
			value: 'deactivate',
			description: "Turn a user's access off; their data is kept",
			action: 'Deactivate a user',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Move a user to another business unit',
			action: 'Update a user',
		},
	],
	default: 'create',
};

export const user = describeResource(operationField, {
	create: create.operation,
	update: update.operation,
	activate: activate.operation,
	deactivate: deactivate.operation,
});
