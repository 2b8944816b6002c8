import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseCallback, type CallbackEventData } from '../../callbacks/event';

/**
 * The decisions of "Invite and Wait for Result", kept free of n8n so they can be tested alone.
 * The waiting execution's resume URL is the invitation's callback URL: iMocha posts "In Progress"
 * and then the final status to it (https://developer.imocha.io/callback-notification-1174961m0). Only a final status resumes the execution.
 */

export type CallbackDecision =
	| { resume: true; event: CallbackEventData }
	| { resume: false; httpStatus: number; answer: IDataObject; warning?: string };

export function decideCallback(body: unknown, rawBody?: unknown, now = new Date()): CallbackDecision {
	const parsed = parseCallback(body, rawBody, now);
	if (!parsed.ok) {
		return { resume: false, httpStatus: 400, answer: { message: `Malformed iMocha callback: ${parsed.reason}` } };
	}
	const { event } = parsed;
	if (event.isFinal) return { resume: true, event };
	if (event.event === 'inProgress') {
		return { resume: false, httpStatus: 200, answer: { received: true, resumed: false, reason: 'in progress' } };
	}
	// An unknown literal is not taken as the end of the attempt: the wait goes on until a known
	// final status or the time limit, and the log says what arrived.
	return {
		resume: false,
		httpStatus: 200,
		answer: { received: true, resumed: false, reason: `unknown status "${event.status}"` },
		warning: `iMocha Invite and Wait received an unknown status "${event.status}" for invitation ${event.testInvitationId}; still waiting`,
	};
}

/** What the node outputs when the final status arrives. */
export function resultItem(event: CallbackEventData, report?: IDataObject, reportError?: string): INodeExecutionData {
	return {
		json: {
			...event,
			timedOut: false,
			...(report ? { report } : {}),
			...(reportError ? { reportError } : {}),
		},
		pairedItem: { item: 0 },
	};
}

export interface WaitingInvitation {
	testInvitationId: unknown;
	testUrl?: unknown;
	email?: unknown;
	testId: number;
	waitTill: Date;
}

/** What the node outputs when the time limit passes without a final status. */
export function timedOutItem(invitation: WaitingInvitation): INodeExecutionData {
	const json: IDataObject = {
		status: 'timedOut',
		timedOut: true,
		isFinal: false,
		testInvitationId: invitation.testInvitationId as IDataObject[string],
		testUrl: invitation.testUrl as IDataObject[string],
		email: invitation.email as IDataObject[string],
		testId: invitation.testId,
		waitedUntil: invitation.waitTill.toISOString(),
		message:
			'iMocha reported no final result (Complete, Terminated or Test Left) before the time limit. Check it later with Report > Get, or extend the access window with Send Reminder.',
	};
	return { json: Object.fromEntries(Object.entries(json).filter(([, value]) => value !== undefined)) as IDataObject, pairedItem: { item: 0 } };
}

export type WaitUnit = 'minutes' | 'hours' | 'days';

const UNIT_MS: Record<WaitUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export function waitTillFrom(now: number, amount: number, unit: WaitUnit): Date {
	return new Date(now + amount * UNIT_MS[unit]);
}
