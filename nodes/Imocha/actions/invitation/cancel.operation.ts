import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cancelInvitation } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { readTestInvitationId, testInvitationIdField } from '../../operation/testInvitationId';

const properties: INodeProperties[] = [
	{
		...testInvitationIdField,
		description:
			'The invitation to cancel. Only a pending invitation (not started yet) can be cancelled; inviting the same email again revives it.',
	},
];

const description = updateDisplayOptions({ show: { resource: ['invitation'], operation: ['cancel'] } }, properties);

interface Input {
	testInvitationId: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return { testInvitationId: readTestInvitationId(this, itemIndex) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await cancelInvitation(this, input.testInvitationId, itemIndex);
		return toItems({ testInvitationId: response.testInvitationId ?? input.testInvitationId, status: response.status });
	},
};
