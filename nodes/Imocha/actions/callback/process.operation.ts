import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../operation/output';
import { checkIdList } from '../../operation/validate';
import { imochaRequest } from '../../transport';
import type { ImochaOperation } from '../../operation/contract';

/** Process Callbacks takes at most 100 invitation IDs per call (reference §7.1). */
export const MAX_IDS_PER_CALL = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Test Invitation IDs',
		name: 'testInvitationIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2944056, 2935600',
		description: `Comma-separated invitation IDs (or an array from an expression), at most ${MAX_IDS_PER_CALL}. iMocha sends their callbacks again to the URL each invitation was created with.`,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['callback'], operation: ['process'] } }, properties);

interface Input {
	ids: number[];
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const value = this.getNodeParameter('testInvitationIds', itemIndex);
		return { ids: checkIdList(this, itemIndex, 'Test Invitation IDs', value, MAX_IDS_PER_CALL) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await imochaRequest<IDataObject>(this, {
			method: 'POST',
			path: '/v3/callbacks/process',
			body: { testinvitationIds: input.ids },
			itemIndex,
		});
		const outcome = ((response.result as IDataObject)?.testinvitationIds ?? {}) as IDataObject;
		return toItems({ successful: outcome.successful ?? [], failed: outcome.failed ?? [] });
	},
};
