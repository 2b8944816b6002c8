import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inviteByTestLink } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { readTestId, testLinkLocator, testLocator } from '../../operation/fields';
import { toItems } from '../../operation/output';
import { checkId, compact, toFlag } from '../../operation/validate';
import { callbackTargetFields, resolveCallbackUrl } from './callbackTarget';
import {
	additionalFields,
	candidateEmailField,
	candidateNameField,
	invitationOutput,
	readAdditional,
	readCandidate,
	readCommonOptions,
} from './fields';

/** The link supplies schedule, proctoring and stakeholders, so only these fields exist (https://developer.imocha.io/invite-candidate-by-test-link-18117806e0). */
const properties: INodeProperties[] = [
	{ ...testLocator, description: 'The test the link belongs to' },
	testLinkLocator,
	candidateEmailField,
	candidateNameField,
	...callbackTargetFields,
	additionalFields(['disableMandatoryFields', 'hideInstruction', 'redirectUrl', 'sendEmail']),
];

const description = updateDisplayOptions(
	{ show: { resource: ['invitation'], operation: ['inviteByTestLink'] } },
	properties,
);

interface Input {
	testId: number;
	testLinkId: number;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<Input> {
		const testId = readTestId(this, itemIndex);
		const testLinkId = checkId(
			this,
			itemIndex,
			'Test Link',
			this.getNodeParameter('testLinkId', itemIndex, undefined, { extractValue: true }),
		);
		const fields = readAdditional(this, itemIndex);
		const { email, name } = readCandidate(this, itemIndex, toFlag(fields.disableMandatoryFields) === 1);
		const body = compact({
			email,
			name,
			callbackUrl: await resolveCallbackUrl(this, itemIndex),
			...readCommonOptions(this, itemIndex, fields),
		});
		return { testId, testLinkId, body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await inviteByTestLink(this, input.testId, input.testLinkId, input.body, itemIndex);
		return toItems(
			invitationOutput(response, { email: input.body.email, testId: input.testId, testLinkId: input.testLinkId }),
		);
	},
};
