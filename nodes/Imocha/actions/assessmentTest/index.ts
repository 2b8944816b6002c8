import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getSettings from './getSettings.operation';
import * as updateSettings from './updateSettings.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['test'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve one test by its ID',
			action: 'Get a test',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the tests in your iMocha account',
			action: 'Get many tests',
		},
		{
			name: 'Get Settings',
			value: 'getSettings',
			description: "Retrieve a test's settings (question order, proctoring, emails and more)",
			action: 'Get test settings',
		},
		{
			name: 'Update Settings',
			value: 'updateSettings',
			description: "Change a test's settings. iMocha replaces the whole settings object; the node can merge your changes into the current settings for you.",
			action: 'Update test settings',
		},
	],
	default: 'getMany',
};

export const test = describeResource(operationField, {
	get: get.operation,
	getMany: getMany.operation,
	getSettings: getSettings.operation,
	updateSettings: updateSettings.operation,
});
