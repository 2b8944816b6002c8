import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getMany from './getMany.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['timezone'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the time zones iMocha knows, with the timeZoneId that invitations take',
			action: 'Get many timezones',
		},
	],
	default: 'getMany',
};

export const timezone = describeResource(operationField, { getMany: getMany.operation });
