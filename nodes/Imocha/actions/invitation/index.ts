import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as cancel from './cancel.operation';
import * as invite from './invite.operation';
import * as inviteAndWait from './inviteAndWait.operation';
import * as inviteByTestLink from './inviteByTestLink.operation';
import * as reattempt from './reattempt.operation';
import * as sendReminder from './sendReminder.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invitation'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a pending invitation so its link no longer works',
			action: 'Cancel an invitation',
		},
		{
			name: 'Invite',
			value: 'invite',
			description:
				"Invite a candidate to a test through its default link and get the test URL. Inviting the same email again returns the same invitation (reopened if it was cancelled or expired). To invite many candidates, feed many items: the node runs them with bounded concurrency (iMocha's bulk invite is not supported).",
			action: 'Invite a candidate',
		},
		{
			name: 'Invite and Wait for Result',
			value: 'inviteAndWait',
			description:
				'Invite one candidate, pause the execution until iMocha reports the final result (Complete, Terminated or Test Left), then continue with it. "In Progress" does not resume; after the time limit the node continues with a "timedOut" item.',
			action: 'Invite a candidate and wait for the result',
		},
		{
			name: 'Invite by Test Link',
			value: 'inviteByTestLink',
			description:
				"Invite a candidate through a chosen test link, whose schedule, proctoring and stakeholder settings the invitation copies. Each link gives its own invitation.",
			action: 'Invite a candidate by test link',
		},
		{
			name: 'Reattempt',
			value: 'reattempt',
			description:
				'Let a candidate take a test again. After a finished attempt this opens a new invitation with a new ID and URL; it is refused while a test is in progress.',
			action: 'Reattempt a test',
		},
		{
			name: 'Send Reminder',
			value: 'sendReminder',
			description:
				'Email a pending, expired or cancelled invitation again with a new access window (same invitation and link). Refused for invitations in progress or completed.',
			action: 'Send a reminder for an invitation',
		},
	],
	default: 'invite',
};

export const invitation = describeResource(operationField, {
	invite: invite.operation,
	inviteByTestLink: inviteByTestLink.operation,
	reattempt: reattempt.operation,
	cancel: cancel.operation,
	inviteAndWait: inviteAndWait.operation,
	sendReminder: sendReminder.operation,
});
