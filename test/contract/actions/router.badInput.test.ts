/**
 * The bad-input matrix: every row is rejected before a single request leaves n8n, with an error
 * naming the item and the field as the editor shows it. Item 0 is always valid and item 1 bad,
 * so "no request" also proves that no item is sent until every item has been validated.
 */
import { NodeOperationError } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import type { Parameters } from '../../helpers/context';
import { runImocha, testSandbox } from '../../helpers/runNode';

const JAVA = '1134601';
const byId = (value: unknown) => ({ mode: 'id', value });
const ids = (count: number) => Array.from({ length: count }, (_, index) => 3_000_001 + index).join(',');

const invite = { resource: 'invitation', operation: 'invite', testId: byId(JAVA), candidateEmail: 'ok@example.com', candidateName: 'Ok' };
const byLink = { ...invite, operation: 'inviteByTestLink', testLinkId: byId('201044') };
const reattempt = { resource: 'invitation', operation: 'reattempt', testInvitationId: '2655161' };
const cancel = { resource: 'invitation', operation: 'cancel', testInvitationId: '2655161' };
const reportGet = { resource: 'report', operation: 'get', testInvitationId: '2655161' };
const reportMany = { resource: 'report', operation: 'getMany', returnAll: true, filters: {} };
const reportsByTest = { resource: 'report', operation: 'getManyByTest', testId: byId(JAVA), returnAll: true, filters: {} };
const processCallbacks = { resource: 'callback', operation: 'process', testInvitationIds: '2655161' };
const attempts = {
	resource: 'callback',
	operation: 'getAttempts',
	state: 'completed',
	startDateTime: '2026-11-01T00:00:00Z',
	endDateTime: '2026-11-20T00:00:00Z',
};
const mask = { resource: 'gdpr', operation: 'maskData', candidateEmail: 'ok@example.com', additionalFields: {} };
const userCreate = { resource: 'user', operation: 'create', email: 'new.user@example.com', fullName: 'New User', additionalFields: {} };
const userUpdate = { resource: 'user', operation: 'update', email: 'reviewer@example.com', businessUnitId: '115231' };
const userActivate = { resource: 'user', operation: 'activate', email: 'reviewer@example.com' };
const testGet = { resource: 'test', operation: 'get', testId: byId(JAVA) };
const testSettings = { resource: 'test', operation: 'getSettings', testId: byId(JAVA) };
const links = { resource: 'testLink', operation: 'getMany', testId: byId(JAVA), returnAll: true };

/** [what is wrong, valid parameters, bad override for item 1, field display name] */
type Row = [string, Parameters, Parameters, string];

const ROWS: Row[] = [
	// Emails
	['invite: empty email', invite, { candidateEmail: '' }, 'Candidate Email'],
	['invite: blank email', invite, { candidateEmail: '   ' }, 'Candidate Email'],
	['invite: email without @', invite, { candidateEmail: 'lena.example.com' }, 'Candidate Email'],
	['invite: email without domain dot', invite, { candidateEmail: 'lena@example' }, 'Candidate Email'],
	['invite: two emails in one field', invite, { candidateEmail: 'a@example.com, b@example.com' }, 'Candidate Email'],
	['invite: email with a space', invite, { candidateEmail: 'lena fischer@example.com' }, 'Candidate Email'],
	['invite: email from an expression giving an object', invite, { candidateEmail: { address: 'a@example.com' } }, 'Candidate Email'],
	['invite: email from an expression giving a list', invite, { candidateEmail: ['a@example.com'] }, 'Candidate Email'],
	['invite: email from an expression giving null', invite, { candidateEmail: null }, 'Candidate Email'],
	['invite: empty name', invite, { candidateName: '' }, 'Candidate Name'],
	['invite: name from an expression giving an object', invite, { candidateName: { first: 'Lena' } }, 'Candidate Name'],
	['invite: name from an expression giving true', invite, { candidateName: true }, 'Candidate Name'],
	['invite: stakeholder list with a bad address', invite, { additionalFields: { stakeholderEmails: 'lead@example.com, nope' } }, 'Stakeholder Emails'],
	['invite by link: email without @', byLink, { candidateEmail: 'nobody' }, 'Candidate Email'],
	['GDPR: empty email', mask, { candidateEmail: '' }, 'Candidate Email'],
	['GDPR: email with two @', mask, { candidateEmail: 'a@@example.com' }, 'Candidate Email'],
	['user create: bad email', userCreate, { email: 'user at example.com' }, 'Email'],
	['user activate: email from an expression giving a number', userActivate, { email: 42 }, 'Email'],
	// Dates
	['invite: start date that is not a date', invite, { additionalFields: { startDateTime: 'next monday' } }, 'Start Date Time'],
	['invite: end date that is not a date', invite, { additionalFields: { endDateTime: '31/12/2026' } }, 'End Date Time'],
	['invite: 30 February', invite, { additionalFields: { startDateTime: '2026-02-30T10:00:00Z' } }, 'Start Date Time'],
	['invite: hour 24', invite, { additionalFields: { endDateTime: '2026-12-01T24:30:00Z' } }, 'End Date Time'],
	['invite: end before start', invite, { additionalFields: { startDateTime: '2026-12-10T10:00:00Z', endDateTime: '2026-12-01T10:00:00Z' } }, 'End Date Time'],
	['invite: start date from an expression giving true', invite, { additionalFields: { startDateTime: true } }, 'Start Date Time'],
	['reattempt: start date from an expression giving an object', reattempt, { additionalFields: { startDateTime: { at: 'now' } } }, 'Start Date Time'],
	['attempts: empty start', attempts, { startDateTime: '' }, 'Start Date Time'],
	['attempts: end not a date', attempts, { endDateTime: 'yesterday' }, 'End Date Time'],
	['attempts: end before start', attempts, { startDateTime: '2026-11-20T00:00:00Z', endDateTime: '2026-11-01T00:00:00Z' }, 'End Date Time'],
	['reports: start not a date', reportMany, { filters: { startDate: 'last week' } }, 'Start Date'],
	['reports: end before start', reportMany, { filters: { startDate: '2026-11-20T00:00:00Z', endDate: '2026-11-01T00:00:00Z' } }, 'End Date'],
	// IDs
	['invite: test ID with letters', invite, { testId: byId('abc') }, 'Test'],
	['invite: negative test ID', invite, { testId: byId('-5') }, 'Test'],
	['invite: zero test ID', invite, { testId: byId('0') }, 'Test'],
	['invite: fractional test ID', invite, { testId: byId('12.5') }, 'Test'],
	['invite: test ID above 2^53', invite, { testId: byId('9007199254740993') }, 'Test'],
	['invite: empty test ID', invite, { testId: byId('') }, 'Test'],
	['invite: time zone that is not an ID', invite, { additionalFields: { timeZoneId: 'IST' } }, 'Time Zone'],
	['reattempt: empty invitation ID', reattempt, { testInvitationId: '' }, 'Test Invitation ID'],
	['reattempt: invitation ID with letters', reattempt, { testInvitationId: 'TI-2655161' }, 'Test Invitation ID'],
	['cancel: invitation ID from an expression giving an object', cancel, { testInvitationId: { id: 1 } }, 'Test Invitation ID'],
	['cancel: negative invitation ID', cancel, { testInvitationId: -2655161 }, 'Test Invitation ID'],
	['report: invitation ID with a decimal point', reportGet, { testInvitationId: '2655161.0' }, 'Test Invitation ID'],
	['report: invitation ID from an expression giving a list', reportGet, { testInvitationId: [2655161] }, 'Test Invitation ID'],
	['reports by test: test ID with letters', reportsByTest, { testId: byId('java') }, 'Test'],
	['test get: test ID with a space inside', testGet, { testId: byId('1134 601') }, 'Test'],
	['test settings: test ID from an expression giving true', testSettings, { testId: byId(true) }, 'Test'],
	['test links: empty test ID', links, { testId: byId('') }, 'Test'],
	['GDPR: invitation ID with letters', mask, { additionalFields: { testInvitationId: 'abc' } }, 'Test Invitation ID'],
	['user create: business unit with letters', userCreate, { additionalFields: { businessUnitId: 'Engineering' } }, 'Business Unit'],
	['user update: empty business unit', userUpdate, { businessUnitId: '' }, 'Business Unit'],
	// Lists
	['process callbacks: 101 IDs (iMocha takes 100)', processCallbacks, { testInvitationIds: ids(101) }, 'Test Invitation IDs'],
	['process callbacks: 500 IDs as a list', processCallbacks, { testInvitationIds: ids(500).split(',') }, 'Test Invitation IDs'],
	['process callbacks: one bad ID among good ones', processCallbacks, { testInvitationIds: '2655161, x12, 2894725' }, 'Test Invitation IDs'],
	['process callbacks: empty list', processCallbacks, { testInvitationIds: '' }, 'Test Invitation IDs'],
	['process callbacks: trailing comma', processCallbacks, { testInvitationIds: '2655161,' }, 'Test Invitation IDs'],
	// Enums
	['invite: unknown proctoring mode', invite, { additionalFields: { proctoringMode: 'webcam' } }, 'Proctoring Mode'],
	['invite: proctoring mode in the wrong case', invite, { additionalFields: { proctoringMode: 'Image' } }, 'Proctoring Mode'],
	['attempts: unknown state', attempts, { state: 'finished' }, 'State'],
	['attempts: state from an expression giving a number', attempts, { state: 3 }, 'State'],
	// Missing fields
	['user create: empty full name', userCreate, { fullName: '' }, 'Full Name'],
	['user create: missing email', userCreate, { email: undefined }, 'Email'],
	['invite: redirect URL that is not http(s)', invite, { additionalFields: { redirectUrl: 'ftp://example.com/done' } }, 'Redirect URL'],
	['invite: custom callback URL that is not a URL', invite, { callbackTarget: 'url', callbackUrl: 'not a url' }, 'Callback URL'],
];

describe('bad input is rejected before any request', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('has at least 50 rows', () => {
		expect(ROWS.length).toBeGreaterThanOrEqual(50);
	});

	it.each(ROWS)('%s', async (_what, valid, bad, field) => {
		const badItem = 1;
		const parameters = (itemIndex: number): Parameters => (itemIndex === 1 ? { ...valid, ...bad } : valid);
		const error = await runImocha(sandbox, { parameters, items: [{ json: {} }, { json: {} }] }).then(
			() => undefined,
			(caught: unknown) => caught,
		);

		expect(error).toBeInstanceOf(NodeOperationError);
		const message = (error as NodeOperationError).message;
		expect(message).toContain(`"${field}"`);
		expect(message).toContain(`item ${badItem}`);
		expect((error as NodeOperationError).context.itemIndex).toBe(badItem);
		expect(sandbox.requests).toHaveLength(0);
	});
});
