/**
 * Lists and pasted text as people have them (issue: "Lists come in the shapes people have",
 * "Pasted text is cleaned or refused"): what the sandbox receives is what iMocha wants.
 */
import type { Sandbox } from '../../../../sandbox/server';
import { runImocha, testSandbox } from '../../../helpers/runNode';

const JAVA = '1134601';
const invite = (overrides: Record<string, unknown> = {}) => ({
	resource: 'invitation',
	operation: 'invite',
	testId: { mode: 'id', value: JAVA },
	candidateEmail: 'paste.case@example.com',
	candidateName: 'Paste Case',
	...overrides,
});

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await testSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.requests.splice(0));

const sentBodies = (pathPattern: RegExp) =>
	sandbox.requests.filter((request) => request.method === 'POST' && pathPattern.test(request.path)).map((request) => request.body as Record<string, unknown>);

describe('stakeholder emails', () => {
	it.each([
		['semicolons (Outlook)', 'lead@example.com; hr@example.com'],
		['line breaks', 'lead@example.com\nhr@example.com\n'],
		['an array from an expression', ['lead@example.com', 'hr@example.com']],
		['commas, spaces and a zero-width space', ' lead@example.com ,\u200Bhr@example.com '],
	])('are accepted as %s and sent comma-separated', async (_, stakeholderEmails) => {
		await runImocha(sandbox, { parameters: invite({ additionalFields: { stakeholderEmails } }) });
		expect(sentBodies(/\/invite$/).map((body) => body.stakeholderEmails)).toEqual(['lead@example.com,hr@example.com']);
	});
});

describe('Process Callbacks IDs', () => {
	it('are read from one ID per line and from an array of numbers and strings alike', async () => {
		const [first, second] = sandbox.state.invitations.slice(0, 2).map((invitation) => invitation.testInvitationId);
		await runImocha(sandbox, {
			parameters: (itemIndex) => ({ resource: 'callback', operation: 'process', testInvitationIds: [`${first}\n${second}\n`, [first, String(second)]][itemIndex] }),
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(sentBodies(/\/callbacks\/process$/).map((body) => body.testinvitationIds)).toEqual([
			[first, second],
			[first, second],
		]);
	});
});

describe('invisible characters from a paste', () => {
	it('are removed from the candidate email before it is sent (the issue example: U+200B inside)', async () => {
		const output = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'zero\u200Bwidth@example.com' }) });
		expect(sentBodies(/\/invite$/).map((body) => body.email)).toEqual(['zerowidth@example.com']);
		expect(output[0].json.error).toBeUndefined();
	});

	it('are removed from ID fields too (a byte-order mark before a pasted invitation ID)', async () => {
		const id = sandbox.state.invitations.find((invitation) => invitation.status === 'Complete')!.testInvitationId;
		const output = await runImocha(sandbox, { parameters: { resource: 'report', operation: 'get', testInvitationId: `\uFEFF${id}\u200E` } });
		expect(sandbox.requests.map((request) => request.path)).toEqual([`/v3/reports/${id}`]);
		expect(output[0].json.testInvitationId).toBe(id);
	});

	it('leave nothing to send when a field holds only them: refused, naming the item and the field', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) => invite({ candidateEmail: ['ok@example.com', '\u200B\uFEFF'][itemIndex] }),
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output[1].json.error).toBe('The "Candidate Email" of item 1 is empty');
	});
});
