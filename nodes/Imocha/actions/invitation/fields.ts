import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getItemParameter } from '../../operation/itemParameter';
import { checkEmail, checkEmailList, checkId, checkOption, checkText, checkDateTime, invalid, toFlag } from '../../operation/validate';
import { checkHttpUrl } from './callbackTarget';

/** Fields and readers the invitation operations share. */

export const candidateEmailField: INodeProperties = {
	displayName: 'Candidate Email',
	name: 'candidateEmail',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. name@example.com',
	description:
		'The candidate\'s email address: iMocha identifies a candidate by it, so inviting the same address again returns the same invitation. May be empty only with "Disable Mandatory Fields".',
};

export const candidateNameField: INodeProperties = {
	displayName: 'Candidate Name',
	name: 'candidateName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Ana Silva',
	description: 'The candidate\'s full name. May be empty only with "Disable Mandatory Fields".',
};

/**
 * Whether iMocha emails the test link. iMocha's own default is no email
 * (https://developer.imocha.io/invite-candidate-18117335e0); a recruiter expects the candidate to
 * get one, so this field sits next to the candidate and defaults to sending it. Workflows saved
 * with "Send Invitation Email" under Add Field keep that choice (readInvitationEmail). Node
 * version 1 has no such field: a saved version-1 node that never chose sends nothing, as before,
 * so upgrading the package never starts emailing candidates of a workflow already in use.
 */
export const invitationEmailField: INodeProperties = {
	displayName: 'Invitation Email',
	name: 'invitationEmail',
	type: 'options',
	options: [
		{
			name: 'iMocha Emails the Candidate',
			value: 'send',
			description: 'The candidate gets an email from iMocha with the test link',
		},
		{
			name: 'No Email (I Share the Test URL)',
			value: 'none',
			description: 'Nothing is emailed: pass the returned Test URL to the candidate yourself',
		},
	],
	default: 'send',
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	hint: 'With "iMocha Emails the Candidate" the candidate gets the test link by email; with "No Email" only the output\'s Test URL leads to the test',
};

/**
 * sendEmail for an invite body: a "Send Invitation Email" stored under Add Field wins (older
 * workflows); on node version 1 nothing else is sent (iMocha's default, no email); from 1.1 the
 * Invitation Email field decides.
 */
export function readInvitationEmail(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): 'yes' | 'no' | undefined {
	if (has(fields, 'sendEmail')) return yesNo(fields.sendEmail);
	if (context.getNode().typeVersion < 1.1) return undefined;
	return context.getNodeParameter('invitationEmail', itemIndex, 'send') === 'none' ? 'no' : 'yes';
}

export const optionalFields: Record<string, INodeProperties> = {
	redirectUrl: {
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://careers.example.com/thank-you',
		description: "Where the candidate's browser goes after the test",
	},
	disableMandatoryFields: {
		displayName: 'Disable Mandatory Fields',
		name: 'disableMandatoryFields',
		type: 'boolean',
		default: false,
		description: 'Whether email and name may be left empty, in which case iMocha makes up random values',
	},
	hideInstruction: {
		displayName: 'Hide Instructions',
		name: 'hideInstruction',
		type: 'boolean',
		default: false,
		description: 'Whether to skip the instructions page and start the test directly',
	},
	sendEmail: {
		displayName: 'Send Invitation Email',
		name: 'sendEmail',
		type: 'boolean',
		default: true,
		description: 'Whether iMocha emails the test link to the candidate. Without this field iMocha sends no email: share the returned Test URL yourself.',
	},
	stakeholderEmails: {
		displayName: 'Stakeholder Emails',
		name: 'stakeholderEmails',
		type: 'string',
		default: '',
		placeholder: 'e.g. lead@example.com, hr@example.com',
		description:
			'Addresses that get the completion email for this invitation, separated by commas, semicolons or line breaks (or a list from an expression), or "disable" to send none',
	},
	startDateTime: {
		displayName: 'Start Date Time',
		name: 'startDateTime',
		type: 'dateTime',
		default: '',
		description: 'When the candidate may start (in the workflow time zone unless the value has Z or an offset)',
	},
	endDateTime: {
		displayName: 'End Date Time',
		name: 'endDateTime',
		type: 'dateTime',
		default: '',
		description: 'When access ends (in the workflow time zone unless the value has Z or an offset). Must be after the start.',
	},
	timeZoneId: {
		displayName: 'Time Zone Name or ID',
		name: 'timeZoneId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description:
			'Time zone in which iMocha shows the access window to the candidate. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	proctoringMode: {
		displayName: 'Proctoring Mode',
		name: 'proctoringMode',
		type: 'options',
		options: [
			{ name: 'Disabled', value: 'disabled' },
			{ name: 'Image', value: 'image' },
			{ name: 'Video', value: 'video' },
		],
		default: 'disabled',
		description: 'How iMocha watches the candidate during the test',
	},
};

export function additionalFields(names: string[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: names.map((name) => optionalFields[name]),
	};
}

export function readAdditional(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
}

const has = (fields: IDataObject, name: string) =>
	fields[name] !== undefined && fields[name] !== null && fields[name] !== '';

/** sendEmail is the only flag iMocha takes as the strings "yes" / "no" (https://developer.imocha.io/invite-candidate-18117335e0). */
export function yesNo(value: unknown): 'yes' | 'no' {
	return toFlag(value) === 1 || value === 'yes' ? 'yes' : 'no';
}

/** Email and name, which "Disable Mandatory Fields" lets the user leave empty. */
export function readCandidate(
	context: IExecuteFunctions,
	itemIndex: number,
	mandatoryDisabled: boolean,
): { email?: string; name?: string } {
	const email = getItemParameter(context, 'candidateEmail', itemIndex, '');
	const name = getItemParameter(context, 'candidateName', itemIndex, '');
	const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';
	return {
		email: mandatoryDisabled && blank(email) ? undefined : checkEmail(context, itemIndex, 'Candidate Email', email),
		name: mandatoryDisabled && blank(name) ? undefined : checkText(context, itemIndex, 'Candidate Name', name),
	};
}

/** The access window; when both ends are given the end must come after the start. */
export function readWindow(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): { start?: string; end?: string; timeZoneId?: number } {
	const start = has(fields, 'startDateTime')
		? checkDateTime(context, itemIndex, 'Start Date Time', fields.startDateTime)
		: undefined;
	const end = has(fields, 'endDateTime') ? checkDateTime(context, itemIndex, 'End Date Time', fields.endDateTime) : undefined;
	if (start && end && Date.parse(end) <= Date.parse(start)) {
		throw invalid(context, itemIndex, 'End Date Time', `(${end}) must be after the Start Date Time (${start})`, 'Move the end after the start.');
	}
	const timeZoneId = has(fields, 'timeZoneId') ? checkId(context, itemIndex, 'Time Zone', fields.timeZoneId) : undefined;
	return { start, end, timeZoneId };
}

/** The optional fields both invite calls share, in iMocha's casing, only those the user set. */
export function readCommonOptions(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (has(fields, 'redirectUrl')) body.redirectUrl = checkHttpUrl(context, itemIndex, 'Redirect URL', fields.redirectUrl);
	if (has(fields, 'disableMandatoryFields')) body.disableMandatoryFields = toFlag(fields.disableMandatoryFields);
	if (has(fields, 'hideInstruction')) body.hideInstruction = toFlag(fields.hideInstruction);
	if (has(fields, 'sendEmail')) body.sendEmail = yesNo(fields.sendEmail);
	return body;
}

/** "disable" is iMocha's literal for "no stakeholder emails" (https://developer.imocha.io/invite-candidate-18117335e0). */
export function readStakeholders(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	if (typeof value === 'string' && value.trim().toLowerCase() === 'disable') return 'disable';
	return checkEmailList(context, itemIndex, 'Stakeholder Emails', value);
}

export function readProctoringMode(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	return checkOption(context, itemIndex, 'Proctoring Mode', value, ['disabled', 'image', 'video'] as const);
}

/** What an invite answers (https://developer.imocha.io/invite-candidate-18117335e0), with the request's candidate and test alongside. */
export function invitationOutput(response: IDataObject, echo: IDataObject): IDataObject {
	const output: IDataObject = {
		testInvitationId: response.testInvitationId,
		testUrl: response.testUrl,
		...(response.status !== undefined ? { status: response.status } : {}),
	};
	return { ...output, ...Object.fromEntries(Object.entries(echo).filter(([, value]) => value !== undefined)) };
}
