import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getSkills from './getSkills.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['taxonomy'] } },
	options: [
		{
			name: 'Get Skills',
			value: 'getSkills',
			description: "List every skill of your Skills Intelligence taxonomy, with its domain, subdomain and cluster",
			action: 'Get taxonomy skills',
		},
	],
	default: 'getSkills',
};

export const taxonomy = describeResource(operationField, { getSkills: getSkills.operation });
