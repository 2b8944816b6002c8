import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { reattemptInvitation } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { readTestInvitationId, testInvitationIdField } from '../../operation/testInvitationId';
import { compact } from '../../operation/validate';
import { callbackTargetFields, hideToken, resolveCallbackUrl } from './callbackTarget';
import { additionalFields, readAdditional, readCommonOptions, readWindow } from './fields';

const properties: INodeProperties[] = [
	{
		...testInvitationIdField,
		description:
			"The candidate's original or latest invitation. After a finished attempt iMocha opens a new invitation (new ID and URL) with the same settings; a pending, cancelled or expired one is reopened as it is.",
	},
	...callbackTargetFields,
	additionalFields(['endDateTime', 'hideInstruction', 'redirectUrl', 'sendEmail', 'startDateTime', 'timeZoneId']),
];

const description = updateDisplayOptions({ show: { resource: ['invitation'], operation: ['reattempt'] } }, properties);

interface Input {
	testInvitationId: number;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<Input> {
		const testInvitationId = readTestInvitationId(this, itemIndex);
		const fields = readAdditional(this, itemIndex);
		const window = readWindow(this, itemIndex, fields);
		const { redirectUrl, hideInstruction, sendEmail } = readCommonOptions(this, itemIndex, fields);
		// Reattempt spells its fields in PascalCase except the two flags (https://developer.imocha.io/reattempt-test-18118150e0).
		const body = compact({
			StartDateTime: window.start,
			EndDateTime: window.end,
			TimeZoneId: window.timeZoneId,
			CallbackUrl: await resolveCallbackUrl(this, itemIndex),
			RedirectUrl: redirectUrl,
			hideInstruction,
			sendEmail,
		});
		return { testInvitationId, body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await reattemptInvitation(this, input.testInvitationId, input.body, itemIndex);
		return toItems({
			testInvitationId: response.testInvitationId,
			testUrl: response.testUrl,
			callbackUrlRegistered: hideToken(response.callbackUrlRegistered),
			redirectUrlRegistered: response.redirectUrlRegistered,
			reattemptOf: input.testInvitationId,
		} as IDataObject);
	},
};
