import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../operation/output';
import { imochaRequest } from '../../transport';
import type { ImochaOperation } from '../../operation/contract';
import { readTestInvitationId, testInvitationIdField } from './testInvitationId';

const properties: INodeProperties[] = [
	{
		...testInvitationIdField,
		description:
			'The invitation to cancel. Only a pending invitation (not started yet) can be cancelled; inviting the same email again revives it.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invitation'], operation: ['cancel'] } }, properties);

interface Input {
	testInvitationId: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return { testInvitationId: readTestInvitationId(this, itemIndex) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		// No body: the path names the invitation (reference §4.6).
		const response = await imochaRequest<IDataObject>(this, {
			method: 'POST',
			path: `/v3/invitations/${input.testInvitationId}/cancel`,
			itemIndex,
		});
		return toItems({ testInvitationId: response.testInvitationId ?? input.testInvitationId, status: response.status });
	},
};
