import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getReport, inviteByDefaultLink } from '../../api/assessment';
import { field } from '../../api/read';
import { isNotStarted } from '../../callbacks/status';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { getItemParameter } from '../../operation/itemParameter';
import { readTestInvitationId, testInvitationIdField } from '../../operation/testInvitationId';
import { checkId, checkText, checkDateTime, compact, invalid } from '../../operation/validate';
import { candidateNameField, optionalFields, readWindow } from './fields';

const show = { resource: ['invitation'], operation: ['sendReminder'] };

const properties: INodeProperties[] = [
	{
		...testInvitationIdField,
		description:
			'The pending, expired or cancelled invitation to remind. Its test and candidate email are read from iMocha; a started or finished invitation is refused.',
	},
	{
		...candidateNameField,
		description: "The candidate's full name, which the invite call requires (iMocha's report does not return it)",
	},
	{
		displayName: 'Access Until',
		name: 'endDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the new access window (in the workflow time zone unless the value has Z or an offset). The invitation email goes out again with it.',
	},
	{
		displayName: 'Additional Fields',
		name: 'reminderFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Access From',
				name: 'startDateTime',
				type: 'dateTime',
				default: '',
				description: 'Start of the new access window (in the workflow time zone unless the value has Z or an offset). Defaults to now.',
			},
			optionalFields.timeZoneId,
		],
	},
];

const description = updateDisplayOptions({ show }, properties);

interface Input {
	testInvitationId: number;
	name: string;
	window: { start: string; end: string; timeZoneId?: number };
}

/**
 * Report statuses besides "not started" (null, empty or Pending: isNotStarted) (https://developer.imocha.io/retrieve-candidate-test-report-18157698e0) that a re-invite reopens with a new window (https://developer.imocha.io/invite-candidate-18117335e0). The report
 * spells statuses without spaces ("TestLeft"), so they are compared squashed.
 */
const REMINDABLE = ['expired', 'cancelled', 'canceled'];
const IN_PROGRESS = ['inprogress'];
const FINISHED = ['complete', 'completed', 'terminated', 'testleft'];

const squash = (status: string) => status.toLowerCase().replace(/[\s_-]+/g, '');

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const testInvitationId = readTestInvitationId(this, itemIndex);
		const name = checkText(this, itemIndex, 'Candidate Name', getItemParameter(this, 'candidateName', itemIndex, ''));
		const fields = this.getNodeParameter('reminderFields', itemIndex, {}) as IDataObject;
		const end = checkDateTime(this, itemIndex, 'Access Until', this.getNodeParameter('endDateTime', itemIndex, ''));
		const given = readWindow(this, itemIndex, { ...fields, endDateTime: end });
		const start = given.start ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
		if (Date.parse(end) <= Date.parse(start)) {
			throw invalid(this, itemIndex, 'Access Until', `(${end}) must be after the start of the window (${start})`, 'Choose an end in the future.');
		}
		return { testInvitationId, name, window: { start, end, timeZoneId: given.timeZoneId } };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const report = await getReport(this, input.testInvitationId, { itemIndex });
		const reported = field(report, 'status');
		const status = typeof reported === 'string' ? reported : '';
		if (!isNotStarted(reported)) refuseUnlessRemindable(this, input.testInvitationId, status, itemIndex);
		const testId = checkId(this, itemIndex, 'Test ID (from the report)', field(report, 'testId'));
		const email = checkText(this, itemIndex, 'Candidate Email (from the report)', field(report, 'candidateEmail'));

		// Re-invite semantics (https://developer.imocha.io/invite-candidate-18117335e0): the same invitation comes back, reopened with the new window.
		const response = await inviteByDefaultLink(
			this,
			testId,
			compact({
				email,
				name: input.name,
				sendEmail: 'yes',
				startDateTime: input.window.start,
				endDateTime: input.window.end,
				timeZoneId: input.window.timeZoneId,
			}),
			itemIndex,
		);
		const sameInvitation = Number(response.testInvitationId) === input.testInvitationId;
		return toItems({
			reminded: true,
			testInvitationId: response.testInvitationId,
			testUrl: response.testUrl,
			...(response.status !== undefined ? { status: response.status } : {}),
			previousStatus: status || null,
			email,
			testId,
			startDateTime: input.window.start,
			endDateTime: input.window.end,
			sameInvitation,
			...(sameInvitation
				? {}
				: {
						note: `iMocha answered with invitation ${String(response.testInvitationId)}, not ${input.testInvitationId}: the original was probably made through another test link, so the reminder went out for the test's default link.`,
					}),
		});
	},
};

function refuseUnlessRemindable(context: IExecuteFunctions, id: number, status: string, itemIndex: number): void {
	const key = squash(status);
	if (REMINDABLE.includes(key)) return;
	const refuse = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description });
	if (FINISHED.includes(key)) {
		throw refuse(
			`Invitation ${id} is already completed (${status}): no reminder sent`,
			'Use Invitation > Reattempt to let the candidate take the test again.',
		);
	}
	if (IN_PROGRESS.includes(key)) {
		throw refuse(
			`Invitation ${id} is in progress: the candidate is taking the test, so no reminder was sent`,
			'Wait for the result (iMocha Trigger or Report > Get) instead.',
		);
	}
	throw refuse(
		`Invitation ${id} has the status "${status || 'unknown'}", which Send Reminder does not handle: no reminder sent`,
		'Only invitations not started yet (pending, or an empty status), expired or cancelled can be reminded.',
	);
}
