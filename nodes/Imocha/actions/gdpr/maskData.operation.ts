import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestDataMasking } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { checkEmail, checkId } from '../../operation/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Candidate Email',
		name: 'candidateEmail',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. name@example.com',
		description: "The candidate whose personal data iMocha masks. This cannot be undone.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Test Invitation ID',
				name: 'testInvitationId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2346542',
				description: "Mask only this attempt instead of all of the candidate's records",
			},
		],
	},
];

const description = updateDisplayOptions({ show: { resource: ['gdpr'], operation: ['maskData'] } }, properties);

interface Input {
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const email = checkEmail(this, itemIndex, 'Candidate Email', this.getNodeParameter('candidateEmail', itemIndex));
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const invitation = fields.testInvitationId;
		const body: IDataObject = { CandidateEmail: email };
		if (invitation !== undefined && invitation !== null && String(invitation).trim() !== '') {
			body.testinvitationId = checkId(this, itemIndex, 'Test Invitation ID', invitation);
		}
		return { body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await requestDataMasking(this, input.body, itemIndex);
		return toItems({
			result: response.result,
			email: input.body.CandidateEmail,
			...(input.body.testinvitationId !== undefined ? { testInvitationId: input.body.testinvitationId } : {}),
		});
	},
};
