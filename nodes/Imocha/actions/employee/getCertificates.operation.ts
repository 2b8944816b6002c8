import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CERTIFICATE_FILTERS, endpoints, siList } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { limit, returnAll } from '../../operation/fields';
import { employeeLocator, readEmployeeId } from '../../operation/intelligenceFields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';

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

const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getCertificates'] } }, properties);

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
