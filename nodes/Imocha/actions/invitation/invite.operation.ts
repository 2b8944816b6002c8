import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inviteByDefaultLink } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { readTestId, testLocator } from '../../operation/fields';
import { toItems } from '../../operation/output';
import { callbackTargetFields, resolveCallbackUrl } from './callbackTarget';
import { readDefaultLinkInviteBody } from './defaultLinkInvite';
import { additionalFields, candidateEmailField, candidateNameField, invitationOutput } from './fields';

const properties: INodeProperties[] = [
	{ ...testLocator, description: "The test to invite the candidate to, through the test's default link" },
	candidateEmailField,
	candidateNameField,
	...callbackTargetFields,
	additionalFields([
		'disableMandatoryFields',
		'endDateTime',
		'hideInstruction',
		'proctoringMode',
		'redirectUrl',
		'sendEmail',
		'stakeholderEmails',
		'startDateTime',
		'timeZoneId',
	]),
];

const description = updateDisplayOptions({ show: { resource: ['invitation'], operation: ['invite'] } }, properties);

interface Input {
	testId: number;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<Input> {
		const testId = readTestId(this, itemIndex);
		const body = readDefaultLinkInviteBody(this, itemIndex, await resolveCallbackUrl(this, itemIndex));
		return { testId, body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await inviteByDefaultLink(this, input.testId, input.body, itemIndex);
		return toItems(invitationOutput(response, { email: input.body.email, testId: input.testId }));
	},
};
