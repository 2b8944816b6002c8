import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_CALLBACK_IDS_PER_CALL, processCallbacks } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { checkIdList } from '../../operation/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Test Invitation IDs',
		name: 'testInvitationIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2944056, 2935600',
		description: `Comma-separated invitation IDs (or an array from an expression), at most ${MAX_CALLBACK_IDS_PER_CALL}. iMocha sends their callbacks again to the URL each invitation was created with.`,
	},
];

const description = updateDisplayOptions({ show: { resource: ['callback'], operation: ['process'] } }, properties);

interface Input {
	ids: number[];
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const value = this.getNodeParameter('testInvitationIds', itemIndex);
		return { ids: checkIdList(this, itemIndex, 'Test Invitation IDs', value, MAX_CALLBACK_IDS_PER_CALL) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const outcome = await processCallbacks(this, input.ids, itemIndex);
		return toItems({ successful: outcome.successful ?? [], failed: outcome.failed ?? [] });
	},
};
