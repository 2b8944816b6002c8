import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EMPLOYEE_LIST_FILTERS, endpoints, siList } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { limit, returnAll, simplify } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { simplifyProfile } from '../../operation/simplifyIntelligence';
import { checkText, checkUtcDateTime, compact } from '../../operation/validate';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only employees whose skill profile changed at or after this moment (UTC unless the value has a zone)',
			},
			{
				displayName: 'Search Text',
				name: 'searchText',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane',
				description: 'Only employees whose name, email or external ID contains this text',
			},
		],
	},
	{ ...simplify, description: 'Whether to keep only the key scores of each skill instead of every validation source' },
];

const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getMany'] } }, properties);

interface Input extends ListInput {
	qs: IDataObject;
	simplify: boolean;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.modifiedSince) {
			qs[EMPLOYEE_LIST_FILTERS.modifiedSince] = checkUtcDateTime(this, itemIndex, 'Modified Since', filters.modifiedSince);
		}
		if (filters.searchText !== undefined && filters.searchText !== '') {
			qs[EMPLOYEE_LIST_FILTERS.search] = checkText(this, itemIndex, 'Search Text', filters.searchText);
		}
		return {
			...readListInput(this, itemIndex),
			qs: compact(qs),
			simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const employees = await siList(this, endpoints.employeeList, input, { qs: input.qs, itemIndex });
		return toItems(input.simplify ? employees.map(simplifyProfile) : employees);
	},
};
