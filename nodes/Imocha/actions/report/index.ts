import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyByTest from './getManyByTest.operation';
import * as getPdf from './getPdf.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['report'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: "Retrieve one candidate's result for an attempt: status, points, percentage, performance category",
			action: 'Get a report',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List candidate reports across all tests, by date range (the last 7 days unless dates are given)',
			action: 'Get many reports',
		},
		{
			name: 'Get Many by Test',
			value: 'getManyByTest',
			description: 'List the candidate reports of one test, by date range',
			action: 'Get many reports of a test',
		},
		{
			name: 'Get PDF',
			value: 'getPdf',
			description: "Download an attempt's PDF report as a file",
			action: 'Get a report PDF',
		},
	],
	default: 'get',
};

export const report = describeResource(operationField, {
	get: get.operation,
	getPdf: getPdf.operation,
	getManyByTest: getManyByTest.operation,
	getMany: getMany.operation,
});
