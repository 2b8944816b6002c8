import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ATTEMPT_STATES, retrieveInvites, type AttemptState } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { limit, returnAll } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { checkOption, checkUtcDateTime, invalid } from '../../operation/validate';
import { applyLimit } from '../../transport';

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

const description = updateDisplayOptions({ show: { resource: ['callback'], operation: ['getAttempts'] } }, properties);

interface Input extends ListInput {
	state: AttemptState;
	window: { start: string; end: string };
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const state = checkOption(this, itemIndex, 'State', this.getNodeParameter('state', itemIndex, 'completed'), ATTEMPT_STATES);
		const start = checkUtcDateTime(this, itemIndex, 'Start Date Time', this.getNodeParameter('startDateTime', itemIndex, ''));
		const end = checkUtcDateTime(this, itemIndex, 'End Date Time', this.getNodeParameter('endDateTime', itemIndex, ''));
		if (Date.parse(end) <= Date.parse(start)) {
			throw invalid(this, itemIndex, 'End Date Time', `(${end}) must be after the Start Date Time (${start})`, 'Move the end after the start.');
		}
		return {
			state,
			window: { start, end },
			...readListInput(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const attempts = await retrieveInvites(this, input.state, input.window, itemIndex);
		return toItems(applyLimit(attempts, input.returnAll, input.limit));
	},
};
