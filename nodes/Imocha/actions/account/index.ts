import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getValidationWeightages from './getValidationWeightages.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Get Validation Weightages',
			value: 'getValidationWeightages',
			description:
				'Retrieve the weight of each skill validation channel (self, manager, iMocha assessment, multi-rater, AI inference) in the weighted proficiency score',
			action: 'Get multichannel validation weightages',
		},
	],
	default: 'getValidationWeightages',
};

export const account = describeResource(operationField, { getValidationWeightages: getValidationWeightages.operation });
