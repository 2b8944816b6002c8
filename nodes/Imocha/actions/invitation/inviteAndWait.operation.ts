import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inviteByDefaultLink } from '../../api/assessment';
import { eventOf, isFinalEvent } from '../../callbacks/status';
import type { ImochaOperation } from '../../operation/contract';
import { readTestId, testLocator } from '../../operation/fields';
import { reportTypeField } from '../../reports/options';
import { checkHttpUrl } from './callbackTarget';
import { readDefaultLinkInviteBody } from './defaultLinkInvite';
import { additionalFields, candidateEmailField, candidateNameField, invitationEmailField, invitationOutput } from './fields';
import { timedOutItem, waitTillFrom, type WaitUnit } from './waitForResult';

const show = { resource: ['invitation'], operation: ['inviteAndWait'] };

const properties: INodeProperties[] = [
	{
		displayName:
			"The execution pauses after the invite and resumes when iMocha reports the final result, or when the time limit passes. iMocha must be able to reach this n8n's public (https) address. One candidate per execution: for many candidates use Invite with the iMocha Trigger.",
		name: 'inviteAndWaitNotice',
		type: 'notice',
		default: '',
	},
	{ ...testLocator, description: "The test to invite the candidate to, through the test's default link" },
	candidateEmailField,
	candidateNameField,
	invitationEmailField,
	{
		displayName: 'Time Limit',
		name: 'waitAmount',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 7,
		description:
			'How long to wait for the final result before continuing with a "timedOut" item. n8n checks time limits about once a minute, so the execution may resume up to a minute late.',
	},
	{
		displayName: 'Time Limit Unit',
		name: 'waitUnit',
		type: 'options',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		default: 'days',
		description: 'The unit of the time limit',
	},
	{
		displayName: 'Wait Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Report',
				name: 'includeReport',
				type: 'boolean',
				default: false,
				description: 'Whether to add the full JSON report (Report > Get) under "report" when the result arrives',
			},
			{ ...reportTypeField, description: 'Which scores the added report carries' },
		],
	},
	additionalFields([
		'endDateTime',
		'hideInstruction',
		'proctoringMode',
		'redirectUrl',
		'stakeholderEmails',
		'startDateTime',
		'timeZoneId',
	]),
];

const description = updateDisplayOptions({ show }, properties);

interface Input {
	testId: number;
	body: IDataObject;
	waitTill: Date;
}

export const operation: ImochaOperation<Input> = {
	description,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<Input> {
		const count = this.getInputData().length;
		if (count !== 1) {
			// n8n pauses a whole execution on one resume URL: one waiting invitation per execution.
			throw new NodeOperationError(this.getNode(), `Invite and Wait handles one candidate per execution, but got ${count} items`, {
				itemIndex,
				description:
					'Call a sub-workflow once per candidate (Execute Workflow node, "Run once for each item", without waiting for it), or use Invite with "Send Results To: iMocha Trigger" and react to results in a second workflow.',
			});
		}
		const testId = readTestId(this, itemIndex);
		const amount = Number(this.getNodeParameter('waitAmount', itemIndex, 7));
		if (!Number.isFinite(amount) || amount <= 0) {
			throw new NodeOperationError(this.getNode(), `The "Time Limit" of item ${itemIndex} must be a positive number (got ${amount})`, {
				itemIndex,
				description: 'Enter how long to wait, e.g. 7 with the unit Days.',
			});
		}
		const unit = this.getNodeParameter('waitUnit', itemIndex, 'days') as WaitUnit;
		const body = readDefaultLinkInviteBody(this, itemIndex, resumeUrlOf(this, itemIndex));
		return { testId, body, waitTill: waitTillFrom(Date.now(), amount, unit) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const response = await inviteByDefaultLink(this, input.testId, input.body, itemIndex);
		const invitation = invitationOutput(response, { email: input.body.email, testId: input.testId });
		// Re-inviting a finished candidate returns the old invitation and no new callback (https://developer.imocha.io/invite-candidate-18117335e0).
		const status = typeof response.status === 'string' ? eventOf(response.status) : undefined;
		if (isFinalEvent(status)) {
			return [
				{
					json: {
						...invitation,
						timedOut: false,
						isFinal: true,
						message: 'This candidate already finished this test, so there is nothing to wait for. Use Reattempt to allow a retake.',
					},
				},
			];
		}
		const timedOut = timedOutItem({
			testInvitationId: invitation.testInvitationId,
			testUrl: invitation.testUrl,
			email: invitation.email,
			testId: input.testId,
			waitTill: input.waitTill,
		});
		passOnWhenResumedByTimeLimit(this, timedOut);
		await this.putExecutionToWait(input.waitTill);
		return [timedOut];
	},
};

/** The execution's own resume URL (with its resume token), as n8n's Wait node reads it. */
function resumeUrlOf(context: IExecuteFunctions, itemIndex: number): string {
	const url = context.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex);
	return checkHttpUrl(context, itemIndex, 'Resume URL', url);
}

/**
 * When the time limit passes, n8n resumes the waiting node without running it again: the node
 * passes on the data of its own execution-stack entry (n8n 2.40.7, WorkflowExecute; n8n 1.123.81
 * does the same: its handleWaitingState() disables the entry's node, and a disabled node passes
 * its entry's data on, packages/core/src/execution-engine/workflow-execute.ts). Setting that
 * entry to the timed-out item (never touching the input items) makes the time-limit path end in
 * a clear item; a callback that resumes the execution replaces it with the result.
 */
function passOnWhenResumedByTimeLimit(context: IExecuteFunctions, item: INodeExecutionData): void {
	const entry = context.getExecuteData();
	entry.data = { main: [[item]] };
}
