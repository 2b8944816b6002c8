import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listTests } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { limit, returnAll } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { checkText } from '../../operation/validate';

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
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				placeholder: 'e.g. engineering',
				description: 'Only tests carrying this label (sent as labelsFilter)',
			},
		],
	},
];

const description = updateDisplayOptions({ show: { resource: ['test'], operation: ['getMany'] } }, properties);

interface Input extends ListInput {
	label?: string;
}

/** iMocha pages the test list (pageNo / pageSize, `count` the total): Return All walks every page. */
export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const label = filters.label === undefined || filters.label === '' ? undefined : checkText(this, itemIndex, 'Label', filters.label);
		return { ...readListInput(this, itemIndex), ...(label ? { label } : {}) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await listTests(this, { returnAll: input.returnAll, limit: input.limit, label: input.label, itemIndex }));
	},
};
