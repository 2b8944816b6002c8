import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getMany from './getMany.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['businessUnit'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the business units of your iMocha account, with the businessUnitId that users take',
			action: 'Get many business units',
		},
	],
	default: 'getMany',
};

export const businessUnit = describeResource(operationField, { getMany: getMany.operation });
