import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getMany from './getMany.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['testLink'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List the links of a test, with their schedule, proctoring and invitation type. Use a link ID with Invitation > Invite by Test Link.',
			action: 'Get many test links',
		},
	],
	default: 'getMany',
};

export const testLink = describeResource(operationField, { getMany: getMany.operation });
