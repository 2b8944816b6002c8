import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../helpers/output';
import { limit, returnAll } from '../common.descriptions';
import { CERTIFICATE_FILTERS, endpoints } from '../intelligence/endpoints';
import { employeeLocator, readEmployeeId } from '../intelligence/fields';
import { siList } from '../intelligence/request';
import { readListInput, type ListInput } from '../list';
import type { ImochaOperation } from '../types';

const properties: INodeProperties[] = [
	employeeLocator,
	returnAll,
	limit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Include Skills',
				name: 'includeSkills',
				type: 'boolean',
				default: false,
				description: 'Whether to include the skills each certificate proves',
			},
			{
				displayName: 'Active Only',
				name: 'activeOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only active certificates',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getCertificates'] } }, properties);

interface Input extends ListInput {
	employeeId: number;
	qs: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.includeSkills !== undefined) qs[CERTIFICATE_FILTERS.includeSkills] = options.includeSkills === true;
		if (options.activeOnly !== undefined) qs[CERTIFICATE_FILTERS.activeOnly] = options.activeOnly === true;
		return {
			employeeId: readEmployeeId(this, itemIndex),
			...readListInput(this, itemIndex),
			qs,
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await siList(this, endpoints.employeeCertificates, input, { id: input.employeeId, qs: input.qs, itemIndex }));
	},
};
