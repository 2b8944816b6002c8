import { errorsBody, json, statusMessage, type Router, type SandboxResponse } from '../router';
import type { Invitation, InvitationStatus, SandboxState, Test, TestLink } from '../state';
import { findTest, testNotFound } from './tests';

/**
 * https://developer.imocha.io/invite-candidate-18117335e0, https://developer.imocha.io/cancel-invitation-18118063e0: invite, invite by test link, reattempt, cancel, with the invitation state
 * table. Validation messages follow the documented ones; where the reference cut a message off
 * ("'Email' must n…"), the ASP.NET validator wording it starts with is used (inferred).
 */

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const FINISHED: InvitationStatus[] = ['Complete', 'Terminated', 'Test Left'];
const REOPENED: InvitationStatus[] = ['Pending', 'Cancelled', 'Expired'];
const PROCTORING = ['disabled', 'image', 'video'];

export const CANCEL_REFUSED = 'Testinvitation state in inprogress, complete, and expired can not be cancelled.';
export const reattemptRefused = (id: number) =>
	`Reattempt is not allowed on Test invitation id: ${id} which is in inprogress state.`;

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export const testUrlOf = (invitation: Invitation) =>
	`https://test.imocha.io/IMInstructions?${Buffer.from(`sandbox:${invitation.testInvitationId}`).toString('base64url')}`;

export function findInvitation(state: SandboxState, id: string | number): Invitation | undefined {
	return state.invitations.find((entry) => String(entry.testInvitationId) === String(id));
}

/** A Pending invitation whose window has closed is Expired, as iMocha would show it. */
export function refreshExpiry(invitation: Invitation): Invitation {
	if (invitation.status === 'Pending' && invitation.endDateTime && Date.parse(invitation.endDateTime) < Date.now()) {
		invitation.status = 'Expired';
		invitation.updatedAt = invitation.endDateTime;
	}
	return invitation;
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const isFlag = (value: unknown) => value === 0 || value === 1;
const isDate = (value: unknown) => typeof value === 'string' && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value));
const isUrl = (value: unknown) => {
	try {
		return typeof value === 'string' && /^https?:$/.test(new URL(value).protocol);
	} catch {
		return false;
	}
};

/** The checks invite and invite by test link share; `extended` adds the invite-only fields. */
function inviteProblems(body: any, extended: boolean): string[] {
	if (!body || typeof body !== 'object') return ['Request body is required'];
	const problems: string[] = [];
	const mandatory = body.disableMandatoryFields !== 1;
	if (mandatory && isBlank(body.email)) problems.push("'Email' must not be empty.");
	else if (!isBlank(body.email) && !EMAIL.test(String(body.email))) problems.push("'Email' is not a valid email address.");
	if (mandatory && isBlank(body.name)) problems.push("'Name' must not be empty.");
	for (const flag of ['disableMandatoryFields', 'hideInstruction']) {
		if (body[flag] !== undefined && !isFlag(body[flag])) problems.push(`'${flag}' must be 0 or 1.`);
	}
	if (body.sendEmail !== undefined && body.sendEmail !== 'yes' && body.sendEmail !== 'no') {
		problems.push("'sendEmail' must be either 'yes' or 'no'.");
	}
	for (const url of ['callbackUrl', 'redirectUrl']) {
		if (body[url] !== undefined && !isUrl(body[url])) problems.push(`'${url}' must be a valid URL.`);
	}
	if (!extended) return problems;
	if (body.stakeholderEmails !== undefined) {
		const list = String(body.stakeholderEmails);
		if (list !== 'disable' && !list.split(',').every((entry) => EMAIL.test(entry.trim()))) {
			problems.push("'stakeholderEmails' must be comma-separated email addresses or 'disable'.");
		}
	}
	for (const date of ['startDateTime', 'endDateTime']) {
		if (body[date] !== undefined && !isDate(body[date])) problems.push(`'${date}' must be a UTC date-time such as 2020-06-11T16:00:00Z.`);
	}
	if (isDate(body.startDateTime) && isDate(body.endDateTime) && Date.parse(body.endDateTime) <= Date.parse(body.startDateTime)) {
		problems.push("'endDateTime' must be after 'startDateTime'.");
	}
	if (body.timeZoneId !== undefined && !Number.isInteger(body.timeZoneId)) problems.push("'timeZoneId' must be an integer.");
	if (body.ProctoringMode !== undefined && !PROCTORING.includes(body.ProctoringMode)) {
		problems.push("'ProctoringMode' must be one of disabled, image, video.");
	}
	return problems;
}

/** The "Default test link" the first invite call creates (https://developer.imocha.io/invite-candidate-18117335e0). */
function defaultLink(state: SandboxState, test: Test): TestLink {
	const existing = state.testLinks.find((link) => link.testId === test.testId && link.isApiLink);
	if (existing) return existing;
	const link: TestLink = {
		testLinkId: state.nextId(),
		testId: test.testId,
		testLinkName: 'Default test link',
		testLinkStatus: 'active',
		testLink: `d${test.testId.toString(16)}`,
		isApiLink: true,
		proctoringSettings: { proctoringMode: 'disabled' },
		stakeholderEmails: '',
		invitationType: 'email',
		invitationSchedule: { scheduleType: 'validityindays', scheduleDetails: { invitationValidityInDays: 7 } },
	};
	state.testLinks.push(link);
	return link;
}

function applyWindow(invitation: Invitation, start: unknown, end: unknown, timeZoneId: unknown): void {
	invitation.startDateTime = typeof start === 'string' ? start : undefined;
	invitation.endDateTime = typeof end === 'string' ? end : undefined;
	invitation.timeZoneId = typeof timeZoneId === 'number' ? timeZoneId : undefined;
}

/**
 * The idempotency table of https://developer.imocha.io/invite-candidate-18117335e0, per test link (https://developer.imocha.io/invite-candidate-by-test-link-18117806e0). Whether a repeat call also replaces
 * name, callbackUrl and redirectUrl is not stated for v3; the sandbox does it for invitations it
 * reopens, as v2 documented (inferred).
 */
function invite(state: SandboxState, test: Test, link: TestLink, body: any, extended: boolean): SandboxResponse {
	const email = isBlank(body.email) ? `candidate${state.nextId()}@generated.imocha.io` : String(body.email).trim();
	const existing = state.invitations.find(
		(entry) => entry.testLinkId === link.testLinkId && entry.email.toLowerCase() === email.toLowerCase() && !entry.reattemptOf,
	);
	const now = isoNow();
	// Invite by test link takes its window from the link's schedule (https://developer.imocha.io/invite-candidate-by-test-link-18117806e0).
	const schedule = link.invitationSchedule?.scheduleDetails ?? {};
	const window = extended
		? [body.startDateTime, body.endDateTime, body.timeZoneId]
		: [schedule.startDateTime, schedule.endDateTime, schedule.timeZoneId];
	if (existing) {
		const current = latestAttempt(state, refreshExpiry(existing));
		if (REOPENED.includes(current.status)) {
			applyWindow(current, window[0], window[1], window[2]);
			current.status = 'Pending';
			current.updatedAt = now;
			if (!isBlank(body.name)) current.name = String(body.name);
			if (body.callbackUrl) current.callbackUrl = body.callbackUrl;
			if (body.redirectUrl) current.redirectUrl = body.redirectUrl;
		}
		return invitationAnswer(current);
	}
	const invitation: Invitation = {
		testInvitationId: state.nextId(),
		testId: test.testId,
		testLinkId: link.testLinkId,
		email,
		name: isBlank(body.name) ? 'Generated Candidate' : String(body.name),
		status: 'Pending',
		invitationType: 'api',
		callbackUrl: body.callbackUrl,
		redirectUrl: body.redirectUrl,
		sendEmail: body.sendEmail === 'yes' ? 'yes' : 'no',
		stakeholderEmails: extended ? (body.stakeholderEmails ?? link.stakeholderEmails) : link.stakeholderEmails,
		proctoringMode: extended ? (body.ProctoringMode ?? link.proctoringSettings.proctoringMode) : link.proctoringSettings.proctoringMode,
		hideInstruction: body.hideInstruction === 1 ? 1 : 0,
		updatedAt: now,
	};
	applyWindow(invitation, window[0], window[1], window[2]);
	state.invitations.push(invitation);
	return invitationAnswer(invitation);
}

/** A reattempt chain ends at its newest attempt; invite and reattempt act on that one. */
function latestAttempt(state: SandboxState, invitation: Invitation): Invitation {
	let current = invitation;
	for (;;) {
		const next = state.invitations.find((entry) => entry.reattemptOf === current.testInvitationId);
		if (!next) return refreshExpiry(current);
		current = next;
	}
}

const invitationAnswer = (invitation: Invitation) =>
	json(200, { testInvitationId: invitation.testInvitationId, testUrl: testUrlOf(invitation), status: invitation.status });

function reattemptProblems(body: any): string[] {
	if (body === undefined) return [];
	if (!body || typeof body !== 'object') return ['Request body must be a JSON object'];
	const problems: string[] = [];
	for (const date of ['StartDateTime', 'EndDateTime']) {
		if (body[date] !== undefined && !isDate(body[date])) problems.push(`'${date}' must be a UTC date-time such as 2020-06-11T16:00:00Z.`);
	}
	if (isDate(body.StartDateTime) && isDate(body.EndDateTime) && Date.parse(body.EndDateTime) <= Date.parse(body.StartDateTime)) {
		problems.push("'EndDateTime' must be after 'StartDateTime'.");
	}
	if (body.TimeZoneId !== undefined && !Number.isInteger(body.TimeZoneId)) problems.push("'TimeZoneId' must be an integer.");
	for (const url of ['CallbackUrl', 'RedirectUrl']) {
		if (body[url] !== undefined && !isUrl(body[url])) problems.push(`'${url}' must be a valid URL.`);
	}
	if (body.hideInstruction !== undefined && !isFlag(body.hideInstruction)) problems.push("'hideInstruction' must be 0 or 1.");
	if (body.sendEmail !== undefined && body.sendEmail !== 'yes' && body.sendEmail !== 'no') {
		problems.push("'sendEmail' must be either 'yes' or 'no'.");
	}
	return problems;
}

/** The reattempt table of https://developer.imocha.io/reattempt-test-18118150e0. */
function reattempt(state: SandboxState, given: Invitation, body: any): SandboxResponse {
	const current = latestAttempt(state, given);
	if (current.status === 'In Progress') {
		// The message is documented; the status code and body shape are not (inferred: 400 like Cancel).
		return statusMessage(400, reattemptRefused(current.testInvitationId));
	}
	let target = current;
	if (FINISHED.includes(current.status)) {
		target = {
			...current,
			testInvitationId: state.nextId(),
			status: 'Pending',
			reattemptOf: current.testInvitationId,
			attemptedOn: undefined,
			candidatePoints: undefined,
			totalTestPoints: undefined,
			performanceCategory: undefined,
		};
		state.invitations.push(target);
	}
	applyWindow(target, body.StartDateTime, body.EndDateTime, body.TimeZoneId);
	target.status = 'Pending';
	target.updatedAt = isoNow();
	if (body.CallbackUrl) target.callbackUrl = body.CallbackUrl;
	if (body.RedirectUrl) target.redirectUrl = body.RedirectUrl;
	if (body.hideInstruction !== undefined) target.hideInstruction = body.hideInstruction;
	if (body.sendEmail !== undefined) target.sendEmail = body.sendEmail;
	return json(200, {
		testInvitationId: target.testInvitationId,
		testUrl: testUrlOf(target),
		callbackUrlRegistered: target.callbackUrl ?? '',
		redirectUrlRegistered: target.redirectUrl ?? '',
	});
}

// Unknown invitation ids: the reference documents no error for them (inferred: 404).
const invitationNotFound = (id: string) => statusMessage(404, `Test invitation ${id} not found`);

export function registerInvitationRoutes(router: Router, state: SandboxState): void {
	router.on('POST', '/v3/tests/:testId/invite', ({ params, body }) => {
		const test = findTest(state, params.testId);
		if (!test) return testNotFound(params.testId);
		const problems = inviteProblems(body, true);
		if (problems.length) return errorsBody(400, ...problems);
		return invite(state, test, defaultLink(state, test), body, true);
	});

	router.on('POST', '/v3/tests/:testId/testlinks/:testLinkId/invite', ({ params, body }) => {
		const test = findTest(state, params.testId);
		if (!test) return testNotFound(params.testId);
		const link = state.testLinks.find((entry) => entry.testId === test.testId && String(entry.testLinkId) === params.testLinkId);
		if (!link) return statusMessage(404, `Test link ${params.testLinkId} not found for test ${params.testId}`);
		const problems = inviteProblems(body, false);
		if (problems.length) return errorsBody(400, ...problems);
		return invite(state, test, link, body, false);
	});

	router.on('POST', '/v3/invitations/:testInvitationId/reattempt', ({ params, body }) => {
		const invitation = findInvitation(state, params.testInvitationId);
		if (!invitation) return invitationNotFound(params.testInvitationId);
		const problems = reattemptProblems(body);
		if (problems.length) return errorsBody(400, ...problems);
		return reattempt(state, invitation, body ?? {});
	});

	router.on('POST', '/v3/invitations/:testInvitationId/cancel', ({ params }) => {
		const found = findInvitation(state, params.testInvitationId);
		if (!found) return invitationNotFound(params.testInvitationId);
		const invitation = refreshExpiry(found);
		if (invitation.status !== 'Pending') return statusMessage(400, CANCEL_REFUSED);
		invitation.status = 'Cancelled';
		invitation.updatedAt = isoNow();
		return json(200, { testInvitationId: invitation.testInvitationId, status: 'cancelled' });
	});
}
