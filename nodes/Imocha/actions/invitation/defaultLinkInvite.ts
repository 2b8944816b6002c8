import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, toFlag } from '../../operation/validate';
import {
	readAdditional,
	readCandidate,
	readCommonOptions,
	readProctoringMode,
	readStakeholders,
	readWindow,
} from './fields';

/**
 * The body of POST /v3/tests/{testId}/invite (https://developer.imocha.io/invite-candidate-18117335e0), shared by Invite and Invite and
 * Wait, which differ only in where the callbacks go.
 */
export function readDefaultLinkInviteBody(
	context: IExecuteFunctions,
	itemIndex: number,
	callbackUrl: string | undefined,
): IDataObject {
	const fields = readAdditional(context, itemIndex);
	const { email, name } = readCandidate(context, itemIndex, toFlag(fields.disableMandatoryFields) === 1);
	const window = readWindow(context, itemIndex, fields);
	return compact({
		email,
		name,
		callbackUrl,
		...readCommonOptions(context, itemIndex, fields),
		stakeholderEmails: fields.stakeholderEmails ? readStakeholders(context, itemIndex, fields.stakeholderEmails) : undefined,
		startDateTime: window.start,
		endDateTime: window.end,
		timeZoneId: window.timeZoneId,
		ProctoringMode: fields.proctoringMode ? readProctoringMode(context, itemIndex, fields.proctoringMode) : undefined,
	});
}
