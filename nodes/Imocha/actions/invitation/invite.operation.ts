import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../helpers/output';
import { checkId, compact, toFlag } from '../../helpers/validate';
import { imochaRequest } from '../../transport';
import { testLocator } from '../common.descriptions';
import type { ImochaOperation } from '../types';
import { callbackTargetFields, resolveCallbackUrl } from './callbackTarget';
import {
	additionalFields,
	candidateEmailField,
	candidateNameField,
	invitationOutput,
	readAdditional,
	readCandidate,
	readCommonOptions,
	readProctoringMode,
	readStakeholders,
	readWindow,
} from './fields';

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

export const description = updateDisplayOptions({ show: { resource: ['invitation'], operation: ['invite'] } }, properties);

interface Input {
	testId: number;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<Input> {
		const testId = checkId(this, itemIndex, 'Test', this.getNodeParameter('testId', itemIndex, undefined, { extractValue: true }));
		const fields = readAdditional(this, itemIndex);
		const { email, name } = readCandidate(this, itemIndex, toFlag(fields.disableMandatoryFields) === 1);
		const window = readWindow(this, itemIndex, fields);
		const body = compact({
			email,
			name,
			callbackUrl: await resolveCallbackUrl(this, itemIndex),
			...readCommonOptions(this, itemIndex, fields),
			stakeholderEmails: fields.stakeholderEmails ? readStakeholders(this, itemIndex, fields.stakeholderEmails) : undefined,
			startDateTime: window.start,
			endDateTime: window.end,
			timeZoneId: window.timeZoneId,
			ProctoringMode: fields.proctoringMode ? readProctoringMode(this, itemIndex, fields.proctoringMode) : undefined,
		});
		return { testId, body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		// iMocha documents re-inviting an email as returning the same invitation, so a retry is harmless.
		const response = await imochaRequest<IDataObject>(this, {
			method: 'POST',
			path: `/v3/tests/${input.testId}/invite`,
			body: input.body,
			itemIndex,
			idempotent: true,
		});
		return toItems(invitationOutput(response, { email: input.body.email, testId: input.testId }));
	},
};
