import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../operation/output';
import { checkOption, checkUtcDateTime, invalid } from '../../operation/validate';
import { applyLimit, imochaRequest } from '../../transport';
import { limit, returnAll } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import type { ImochaOperation } from '../../operation/contract';

const STATES = ['completed', 'cancelled', 'expired'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Cancelled', value: 'cancelled', description: 'Cancelled invitations' },
			{ name: 'Completed', value: 'completed', description: 'Completed, test left or terminated attempts' },
			{ name: 'Expired', value: 'expired', description: 'Invitations whose access window ended unused' },
		],
		default: 'completed',
		description: 'Which finished invitations to list',
	},
	{
		displayName: 'Start Date Time',
		name: 'startDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the range (UTC when no zone is given)',
	},
	{
		displayName: 'End Date Time',
		name: 'endDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the range (UTC when no zone is given)',
	},
	returnAll,
	limit,
];

export const description = updateDisplayOptions({ show: { resource: ['callback'], operation: ['getAttempts'] } }, properties);

interface Input extends ListInput {
	state: string;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const state = checkOption(this, itemIndex, 'State', this.getNodeParameter('state', itemIndex, 'completed'), STATES);
		const start = checkUtcDateTime(this, itemIndex, 'Start Date Time', this.getNodeParameter('startDateTime', itemIndex, ''));
		const end = checkUtcDateTime(this, itemIndex, 'End Date Time', this.getNodeParameter('endDateTime', itemIndex, ''));
		if (Date.parse(end) <= Date.parse(start)) {
			throw invalid(this, itemIndex, 'End Date Time', `(${end}) must be after the Start Date Time (${start})`, 'Move the end after the start.');
		}
		return {
			state,
			body: { StartDateTime: start, EndDateTime: end },
			...readListInput(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		// Retrieve Invites returns the whole range in one answer: no paging is documented (reference §7.2).
		const response = await imochaRequest<IDataObject>(this, {
			method: 'POST',
			path: '/v3/candidates/testattempts',
			qs: { state: input.state },
			body: input.body,
			itemIndex,
			idempotent: true,
		});
		const attempts = ((response.result as IDataObject)?.testAttempts ?? []) as IDataObject[];
		return toItems(applyLimit(Array.isArray(attempts) ? attempts : [], input.returnAll, input.limit));
	},
};
