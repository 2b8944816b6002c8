import { NodeOperationError } from 'n8n-workflow';

import { playCandidate } from '../../../../sandbox/candidate';
import type { Sandbox } from '../../../../sandbox/server';
import { runImocha, testSandbox } from '../../../helpers/runNode';

const JAVA = 1134601;
const byId = (value: number | string) => ({ mode: 'id', value: String(value) });

const reminder = (testInvitationId: unknown, extra: Record<string, unknown> = {}) => ({
	resource: 'invitation',
	operation: 'sendReminder',
	testInvitationId,
	candidateName: 'Rui Costa',
	endDateTime: '2030-01-31T18:00:00Z',
	...extra,
});

describe('Invitation > Send Reminder', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	async function pendingInvitation(email: string): Promise<number> {
		const [created] = await runImocha(sandbox, {
			parameters: { resource: 'invitation', operation: 'invite', testId: byId(JAVA), candidateEmail: email, candidateName: 'Rui Costa' },
		});
		sandbox.requests.length = 0;
		return created.json.testInvitationId as number;
	}

	it('reads the status, test and email from the report, then re-invites with email on and the new window', async () => {
		const id = await pendingInvitation('rui.costa@example.com');
		const output = await runImocha(sandbox, {
			parameters: reminder(String(id), { reminderFields: { startDateTime: '2030-01-01T09:00:00Z', timeZoneId: 1720 } }),
		});

		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /v3/reports/${id}`,
			`POST /v3/tests/${JAVA}/invite`,
		]);
		expect(sandbox.requests[1].body).toStrictEqual({
			email: 'rui.costa@example.com',
			name: 'Rui Costa',
			sendEmail: 'yes',
			startDateTime: '2030-01-01T09:00:00Z',
			endDateTime: '2030-01-31T18:00:00Z',
			timeZoneId: 1720,
		});
		expect(output).toEqual([
			{
				json: expect.objectContaining({
					reminded: true,
					testInvitationId: id,
					status: 'Pending',
					previousStatus: 'Pending',
					email: 'rui.costa@example.com',
					testId: JAVA,
					startDateTime: '2030-01-01T09:00:00Z',
					endDateTime: '2030-01-31T18:00:00Z',
					sameInvitation: true,
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(output[0].json.note).toBeUndefined();
		const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === id);
		expect(stored).toMatchObject({ status: 'Pending', endDateTime: '2030-01-31T18:00:00Z' });
	});

	it('starts the window now when no start is given', async () => {
		const id = await pendingInvitation('now.start@example.com');
		const before = Date.now() - 1000;
		await runImocha(sandbox, { parameters: reminder(id) });
		const sent = sandbox.requests[1].body as { startDateTime: string };
		expect(sent.startDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		expect(Date.parse(sent.startDateTime)).toBeGreaterThanOrEqual(before);
		expect(Date.parse(sent.startDateTime)).toBeLessThanOrEqual(Date.now());
	});

	it('reopens an expired invitation as Pending (re-invite semantics)', async () => {
		const id = await pendingInvitation('expired.one@example.com');
		const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!;
		stored.status = 'Expired';
		const [item] = await runImocha(sandbox, { parameters: reminder(id) });
		expect(item.json).toMatchObject({ reminded: true, previousStatus: 'Expired', status: 'Pending', testInvitationId: id });
		expect(stored.status).toBe('Pending');
	});

	it('refuses a completed invitation, pointing to Reattempt, without re-inviting', async () => {
		const error = await runImocha(sandbox, { parameters: reminder(2894726) }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('Invitation 2894726 is already completed (Complete): no reminder sent');
		expect((error as NodeOperationError).description).toMatch(/Reattempt/);
		expect(sandbox.requests.map((request) => request.method)).toEqual(['GET']);
	});

	it('refuses an invitation in progress, and a Test Left one, with clear messages (continueOnFail gives error items)', async () => {
		const running = await pendingInvitation('in.progress@example.com');
		await playCandidate(sandbox.state, running, 'In Progress');
		const left = await pendingInvitation('test.left@example.com');
		await playCandidate(sandbox.state, left, 'Test Left');
		const pending = await pendingInvitation('still.pending@example.com');

		const output = await runImocha(sandbox, {
			parameters: (itemIndex) => reminder([running, left, pending][itemIndex]),
			items: [{ json: {} }, { json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output[0]).toEqual({
			json: {
				error: `Invitation ${running} is in progress: the candidate is taking the test, so no reminder was sent`,
				description: expect.stringMatching(/Wait for the result/),
			},
			pairedItem: { item: 0 },
		});
		expect(output[1].json.error).toBe(`Invitation ${left} is already completed (TestLeft): no reminder sent`);
		expect(output[2].json).toMatchObject({ reminded: true, testInvitationId: pending });
		expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('validates the ID, the name and the window before any request', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) =>
				[
					reminder('abc'),
					reminder(2894726, { candidateName: ' ' }),
					reminder(2894726, { endDateTime: 'next week' }),
					reminder(2894726, { reminderFields: { startDateTime: '2030-02-01T00:00:00Z' } }),
				][itemIndex],
			items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/"Test Invitation ID" of item 0 must be a positive whole number/),
			expect.stringMatching(/"Candidate Name" of item 1 is empty/),
			expect.stringMatching(/"Access Until" of item 2 must be an ISO 8601 date-time/),
			expect.stringMatching(/"End Date Time" of item 3 .* must be after the Start Date Time/),
		]);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('flags a reminder that iMocha answered with another invitation (made through another link)', async () => {
		const [byLink] = await runImocha(sandbox, {
			parameters: {
				resource: 'invitation',
				operation: 'inviteByTestLink',
				testId: byId(JAVA),
				testLinkId: { mode: 'list', value: String(sandbox.state.testLinks.find((entry) => entry.testId === JAVA && !entry.isApiLink)!.testLinkId) },
				candidateEmail: 'link.only@example.com',
				candidateName: 'Link Only',
			},
		});
		const id = byLink.json.testInvitationId as number;
		const [item] = await runImocha(sandbox, { parameters: reminder(id) });
		expect(item.json.sameInvitation).toBe(false);
		expect(item.json.testInvitationId).not.toBe(id);
		expect(item.json.note).toMatch(new RegExp(`not ${id}: the original was probably made through another test link`));
	});
});
