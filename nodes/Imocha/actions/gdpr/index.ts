import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as maskData from './maskData.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['gdpr'] } },
	options: [
		{
			name: 'Mask Data',
			value: 'maskData',
			description:
				"Mask a candidate's personal data (all records, or one attempt) for a GDPR removal request. iMocha processes it in the background; it cannot be undone.",
			action: 'Mask candidate data',
		},
	],
	default: 'maskData',
};

export const gdpr = describeResource(operationField, { maskData: maskData.operation });
