import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { playCandidate } from '../../../sandbox/candidate';
import { CANCEL_REFUSED, reattemptRefused } from '../../../sandbox/routes/invitations';
import type { Sandbox } from '../../../sandbox/server';
import { runImocha, sandboxCredentials, testSandbox } from '../../helpers/runNode';

const JAVA = 1134601;
const PYTHON = 292930;
const byId = (value: number | string) => ({ mode: 'id', value: String(value) });

const invite = (extra: Record<string, unknown> = {}) => ({
	resource: 'invitation',
	operation: 'invite',
	testId: byId(JAVA),
	candidateEmail: 'lena.fischer@example.com',
	candidateName: 'Lena Fischer',
	...extra,
});

describe('Invitation', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	const statusOf = (id: unknown) => sandbox.state.invitations.find((entry) => entry.testInvitationId === id)?.status;

	describe('Invite', () => {
		it('is the default resource and operation', async () => {
			const output = await runImocha(sandbox, {
				parameters: { testId: byId(PYTHON), candidateEmail: 'default.op@example.com', candidateName: 'Default Op' },
			});
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v3/tests/${PYTHON}/invite` });
			expect(output[0].json.status).toBe('Pending');
		});

		it('sends only email and name when nothing else is set, and returns a small item', async () => {
			const output = await runImocha(sandbox, { parameters: invite({ candidateEmail: ' min@example.com ' }) });
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v3/tests/${JAVA}/invite`, query: {} });
			expect(sandbox.requests[0].body).toEqual({ email: 'min@example.com', name: 'Lena Fischer' });
			expect(output).toHaveLength(1);
			expect(output[0].pairedItem).toEqual({ item: 0 });
			expect(Object.keys(output[0].json).sort()).toEqual(['email', 'status', 'testId', 'testInvitationId', 'testUrl']);
			expect(output[0].json).toMatchObject({ email: 'min@example.com', testId: JAVA, status: 'Pending' });
			expect(output[0].json.testUrl).toMatch(/^https:\/\/test\.imocha\.io\/IMInstructions\?/);
			expect(statusOf(output[0].json.testInvitationId)).toBe('Pending');
		});

		it('sends every additional field with the documented name, casing and type', async () => {
			await runImocha(sandbox, {
				parameters: invite({
					candidateEmail: 'all.fields@example.com',
					additionalFields: {
						redirectUrl: 'https://careers.example.com/thanks',
						disableMandatoryFields: false,
						hideInstruction: true,
						sendEmail: true,
						stakeholderEmails: 'lead@example.com , hr@example.com',
						startDateTime: '2030-06-11T16:00:00',
						endDateTime: '2030-06-18T16:00:00+02:00',
						timeZoneId: 1720,
						proctoringMode: 'video',
					},
				}),
			});
			expect(sandbox.requests[0].body).toStrictEqual({
				email: 'all.fields@example.com',
				name: 'Lena Fischer',
				redirectUrl: 'https://careers.example.com/thanks',
				disableMandatoryFields: 0,
				hideInstruction: 1,
				sendEmail: 'yes',
				stakeholderEmails: 'lead@example.com,hr@example.com',
				startDateTime: '2030-06-11T16:00:00Z',
				endDateTime: '2030-06-18T14:00:00Z',
				timeZoneId: 1720,
				ProctoringMode: 'video',
			});
		});

		it('maps "Send Invitation Email" off to "no" and passes the literal "disable" for stakeholders', async () => {
			await runImocha(sandbox, {
				parameters: invite({
					candidateEmail: 'quiet@example.com',
					additionalFields: { sendEmail: false, stakeholderEmails: 'disable', hideInstruction: false },
				}),
			});
			expect(sandbox.requests[0].body).toStrictEqual({
				email: 'quiet@example.com',
				name: 'Lena Fischer',
				hideInstruction: 0,
				sendEmail: 'no',
				stakeholderEmails: 'disable',
			});
		});

		it('lets email and name stay empty with "Disable Mandatory Fields", sending neither', async () => {
			const output = await runImocha(sandbox, {
				parameters: invite({ candidateEmail: '', candidateName: '', additionalFields: { disableMandatoryFields: true } }),
			});
			expect(sandbox.requests[0].body).toStrictEqual({ disableMandatoryFields: 1 });
			expect(output[0].json).toMatchObject({ testId: JAVA, status: 'Pending' });
			expect(output[0].json).not.toHaveProperty('email');
		});

		it('re-inviting the same email returns the same invitation (state table: Pending)', async () => {
			const parameters = invite({ candidateEmail: 'twice@example.com' });
			const first = await runImocha(sandbox, { parameters });
			const second = await runImocha(sandbox, {
				parameters: { ...parameters, additionalFields: { endDateTime: '2031-01-01T00:00:00Z' } },
			});
			expect(second[0].json.testInvitationId).toBe(first[0].json.testInvitationId);
			const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === first[0].json.testInvitationId);
			expect(stored?.endDateTime).toBe('2031-01-01T00:00:00Z');
			expect(sandbox.requests).toHaveLength(2);
		});

		it('cancel then invite again revives the same invitation as Pending', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'revive@example.com' }) });
			const id = created.json.testInvitationId;
			const [cancelled] = await runImocha(sandbox, {
				parameters: { resource: 'invitation', operation: 'cancel', testInvitationId: String(id) },
			});
			expect(cancelled.json).toEqual({ testInvitationId: id, status: 'cancelled' });
			expect(sandbox.requests[1]).toMatchObject({ method: 'POST', path: `/v3/invitations/${id}/cancel`, rawBody: '' });
			expect(statusOf(id)).toBe('Cancelled');

			const [revived] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'revive@example.com' }) });
			expect(revived.json).toMatchObject({ testInvitationId: id, status: 'Pending' });
			expect(statusOf(id)).toBe('Pending');
		});

		it('returns a completed or in-progress invitation unchanged', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'done@example.com' }) });
			const id = created.json.testInvitationId as number;
			await playCandidate(sandbox.state, id, 'In Progress');
			const [during] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'done@example.com' }) });
			expect(during.json).toMatchObject({ testInvitationId: id, status: 'In Progress' });
			await playCandidate(sandbox.state, id, 'Complete');
			const [after] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'DONE@example.com' }) });
			expect(after.json).toMatchObject({ testInvitationId: id, status: 'Complete' });
		});

		it('reopens an expired invitation as Pending with the new window', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'lapsed@example.com' }) });
			const id = created.json.testInvitationId;
			const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!;
			stored.status = 'Expired';
			const [reopened] = await runImocha(sandbox, {
				parameters: invite({
					candidateEmail: 'lapsed@example.com',
					additionalFields: { startDateTime: '2030-03-01T08:00:00Z', endDateTime: '2030-03-05T08:00:00Z', timeZoneId: 1100 },
				}),
			});
			expect(reopened.json).toMatchObject({ testInvitationId: id, status: 'Pending' });
			expect(stored).toMatchObject({ startDateTime: '2030-03-01T08:00:00Z', endDateTime: '2030-03-05T08:00:00Z', timeZoneId: 1100 });
		});

		it('retries a 503 because re-inviting is idempotent', async () => {
			sandbox.faults.inject(/^POST \/v3\/tests\/\d+\/invite$/, { kind: 'status', status: 503 });
			const output = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'retry@example.com' }) });
			expect(sandbox.requests.map((request) => request.status)).toEqual([503, 200]);
			expect(output[0].json.status).toBe('Pending');
		});
	});

	describe('Send Results To', () => {
		it('builds the trigger URL from the instance URL, the path and the Callback Secret', async () => {
			const credentials = sandboxCredentials(sandbox, { callbackSecret: 'cb-s3cret' });
			await runImocha(sandbox, {
				credentials,
				parameters: invite({ candidateEmail: 'hook@example.com', callbackTarget: 'trigger' }),
			});
			expect(sandbox.requests[0].body).toEqual({
				email: 'hook@example.com',
				name: 'Lena Fischer',
				callbackUrl: 'http://127.0.0.1:5678/webhook/imocha-callbacks?token=cb-s3cret',
			});
			await runImocha(sandbox, {
				credentials,
				parameters: invite({ candidateEmail: 'hook2@example.com', callbackTarget: 'trigger', triggerPath: '/hiring/' }),
			});
			expect((sandbox.requests[1].body as Record<string, unknown>).callbackUrl).toBe('http://127.0.0.1:5678/webhook/hiring?token=cb-s3cret');
		});

		it('uses the n8n Webhook Base URL override when the webhook host differs from the editor', async () => {
			await runImocha(sandbox, {
				credentials: sandboxCredentials(sandbox, { callbackSecret: 'cb-s3cret' }),
				parameters: invite({
					candidateEmail: 'hook3@example.com',
					callbackTarget: 'trigger',
					webhookBaseUrl: 'https://hooks.example.com/n8n',
				}),
			});
			expect((sandbox.requests[0].body as Record<string, unknown>).callbackUrl).toBe(
				'https://hooks.example.com/n8n/webhook/imocha-callbacks?token=cb-s3cret',
			);
		});

		it('sends a custom URL as given and refuses one that is not http(s) before any request', async () => {
			await runImocha(sandbox, {
				parameters: invite({ candidateEmail: 'custom@example.com', callbackTarget: 'url', callbackUrl: 'https://hooks.example.com/im' }),
			});
			expect((sandbox.requests[0].body as Record<string, unknown>).callbackUrl).toBe('https://hooks.example.com/im');

			const run = runImocha(sandbox, {
				parameters: invite({ candidateEmail: 'custom@example.com', callbackTarget: 'url', callbackUrl: 'ftp://hooks.example.com' }),
			});
			await expect(run).rejects.toThrow(NodeOperationError);
			await expect(run).rejects.toThrow(/"Callback URL" of item 0 must be an http or https URL/);
			expect(sandbox.requests).toHaveLength(1);
		});

		it('stores the URL with the invitation, so the candidate finishing reaches it', async () => {
			const [created] = await runImocha(sandbox, {
				parameters: invite({ candidateEmail: 'stored@example.com', callbackTarget: 'url', callbackUrl: 'http://127.0.0.1:9/x' }),
			});
			const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === created.json.testInvitationId);
			expect(stored?.callbackUrl).toBe('http://127.0.0.1:9/x');
		});
	});

	describe('validation before any request', () => {
		const cases: Array<[string, Record<string, unknown>, RegExp]> = [
			['bad email', { candidateEmail: 'not-an-email' }, /"Candidate Email" of item 1 must be an email address/],
			['empty name', { candidateName: ' ' }, /"Candidate Name" of item 1 is empty/],
			['bad date', { additionalFields: { startDateTime: 'next tuesday' } }, /"Start Date Time" of item 1 must be an ISO 8601/],
			[
				'end before start',
				{ additionalFields: { startDateTime: '2030-06-11T16:00:00Z', endDateTime: '2030-06-11T15:00:00Z' } },
				/"End Date Time" of item 1 .* must be after the Start Date Time/,
			],
			['bad stakeholder', { additionalFields: { stakeholderEmails: 'a@example.com, nobody' } }, /"Stakeholder Emails" of item 1/],
			['bad redirect', { additionalFields: { redirectUrl: 'careers page' } }, /"Redirect URL" of item 1 must be an http/],
			['bad proctoring', { additionalFields: { proctoringMode: 'Video' } }, /"Proctoring Mode" of item 1 must be one of/],
			['bad test', { testId: byId('abc') }, /"Test" of item 1 must be a positive whole number/],
		];

		it.each(cases)('%s: fails naming the item and field, and sends nothing', async (_, bad, message) => {
			const run = runImocha(sandbox, {
				parameters: (itemIndex) => invite(itemIndex === 1 ? { candidateEmail: 'second@example.com', ...bad } : {}),
				items: [{ json: {} }, { json: {} }],
			});
			await expect(run).rejects.toThrow(message);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('with continueOnFail gives error items for bad items while the others still run', async () => {
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) =>
					[
						invite({ candidateEmail: 'ok1@example.com' }),
						invite({ candidateEmail: 'broken' }),
						invite({ candidateEmail: 'ok2@example.com' }),
					][itemIndex],
				items: [{ json: {} }, { json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(output[0].json.email).toBe('ok1@example.com');
			expect(output[1].json.error).toMatch(/"Candidate Email" of item 1/);
			expect(output[2].json.email).toBe('ok2@example.com');
			expect(sandbox.requests.map((request) => (request.body as Record<string, unknown>).email).sort()).toEqual(['ok1@example.com', 'ok2@example.com']);
		});
	});

	describe('Invite by Test Link', () => {
		const link = (testLinkId: number, extra: Record<string, unknown> = {}) => ({
			resource: 'invitation',
			operation: 'inviteByTestLink',
			testId: byId(JAVA),
			testLinkId: { mode: 'list', value: String(testLinkId) },
			candidateEmail: 'link.user@example.com',
			candidateName: 'Link User',
			...extra,
		});
		const javaLinks = () => sandbox.state.testLinks.filter((entry) => entry.testId === JAVA && !entry.isApiLink);

		it('posts to the link path with only the documented fields, and echoes the link', async () => {
			const [email] = javaLinks();
			const output = await runImocha(sandbox, {
				parameters: link(email.testLinkId, {
					callbackTarget: 'url',
					callbackUrl: 'https://hooks.example.com/link',
					additionalFields: { hideInstruction: true, sendEmail: false, redirectUrl: 'https://example.com/done' },
				}),
			});
			expect(sandbox.requests[0]).toMatchObject({
				method: 'POST',
				path: `/v3/tests/${JAVA}/testlinks/${email.testLinkId}/invite`,
			});
			expect(sandbox.requests[0].body).toStrictEqual({
				email: 'link.user@example.com',
				name: 'Link User',
				callbackUrl: 'https://hooks.example.com/link',
				redirectUrl: 'https://example.com/done',
				hideInstruction: 1,
				sendEmail: 'no',
			});
			expect(output[0].json).toMatchObject({ testId: JAVA, testLinkId: email.testLinkId, status: 'Pending' });
			const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === output[0].json.testInvitationId);
			expect(stored?.proctoringMode).toBe(email.proctoringSettings.proctoringMode);
		});

		it('keeps each link independent: the same email gets one invitation per link, reused per link', async () => {
			const [first, second] = javaLinks();
			const a = await runImocha(sandbox, { parameters: link(first.testLinkId, { candidateEmail: 'two.links@example.com' }) });
			const b = await runImocha(sandbox, { parameters: link(second.testLinkId, { candidateEmail: 'two.links@example.com' }) });
			const again = await runImocha(sandbox, { parameters: link(first.testLinkId, { candidateEmail: 'two.links@example.com' }) });
			expect(a[0].json.testInvitationId).not.toBe(b[0].json.testInvitationId);
			expect(again[0].json.testInvitationId).toBe(a[0].json.testInvitationId);
		});

		it("surfaces iMocha's 404 for a link of another test", async () => {
			const foreign = sandbox.state.testLinks.find((entry) => entry.testId === PYTHON)!;
			const run = runImocha(sandbox, { parameters: link(foreign.testLinkId) });
			await expect(run).rejects.toThrow(NodeApiError);
		});
	});

	describe('Reattempt', () => {
		const reattempt = (id: unknown, extra: Record<string, unknown> = {}) => ({
			resource: 'invitation',
			operation: 'reattempt',
			testInvitationId: String(id),
			...extra,
		});

		it('opens a new invitation after completion, with PascalCase fields and the flags as documented', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'again@example.com' }) });
			const id = created.json.testInvitationId as number;
			await playCandidate(sandbox.state, id, 'In Progress');
			await playCandidate(sandbox.state, id, 'Complete');
			sandbox.requests.length = 0;

			const output = await runImocha(sandbox, {
				credentials: sandboxCredentials(sandbox, { callbackSecret: 'tok3n' }),
				parameters: reattempt(id, {
					callbackTarget: 'trigger',
					additionalFields: {
						startDateTime: '2030-01-01T09:00:00Z',
						endDateTime: '2030-01-08T09:00:00Z',
						timeZoneId: 200,
						redirectUrl: 'https://example.com/after',
						hideInstruction: true,
						sendEmail: true,
					},
				}),
			});
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v3/invitations/${id}/reattempt` });
			expect(sandbox.requests[0].body).toStrictEqual({
				StartDateTime: '2030-01-01T09:00:00Z',
				EndDateTime: '2030-01-08T09:00:00Z',
				TimeZoneId: 200,
				CallbackUrl: 'http://127.0.0.1:5678/webhook/imocha-callbacks?token=tok3n',
				RedirectUrl: 'https://example.com/after',
				hideInstruction: 1,
				sendEmail: 'yes',
			});
			const newId = output[0].json.testInvitationId;
			expect(newId).not.toBe(id);
			expect(output[0].json).toMatchObject({ reattemptOf: id, redirectUrlRegistered: 'https://example.com/after' });
			// The secret stays out of the output item.
			expect(output[0].json.callbackUrlRegistered).toBe('http://127.0.0.1:5678/webhook/imocha-callbacks?token=***');
			expect(statusOf(newId)).toBe('Pending');
			expect(statusOf(id)).toBe('Complete');

			// Asking again before the new attempt is finished returns the open one.
			const [again] = await runImocha(sandbox, { parameters: reattempt(id) });
			expect(again.json.testInvitationId).toBe(newId);
			expect(sandbox.requests[1].rawBody).toBe('{}');
		});

		it('reopens a cancelled invitation itself, and opens a new one after Test Left', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'cancel.re@example.com' }) });
			const id = created.json.testInvitationId as number;
			await runImocha(sandbox, { parameters: { resource: 'invitation', operation: 'cancel', testInvitationId: String(id) } });
			const [reopened] = await runImocha(sandbox, { parameters: reattempt(id) });
			expect(reopened.json.testInvitationId).toBe(id);
			expect(statusOf(id)).toBe('Pending');
			await playCandidate(sandbox.state, id, 'Test Left');
			const [fresh] = await runImocha(sandbox, { parameters: reattempt(id) });
			expect(fresh.json.testInvitationId).not.toBe(id);
			expect(statusOf(fresh.json.testInvitationId)).toBe('Pending');
		});

		it('returns a pending invitation itself', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'pending.re@example.com' }) });
			const [output] = await runImocha(sandbox, { parameters: reattempt(created.json.testInvitationId) });
			expect(output.json.testInvitationId).toBe(created.json.testInvitationId);
		});

		it("is refused while the test is in progress, with iMocha's message", async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'busy@example.com' }) });
			const id = created.json.testInvitationId as number;
			await playCandidate(sandbox.state, id, 'In Progress');
			const run = runImocha(sandbox, { parameters: reattempt(id) });
			await expect(run).rejects.toThrow(NodeApiError);
			const output = await runImocha(sandbox, { parameters: reattempt(id), continueOnFail: true });
			expect(JSON.stringify(output[0].json)).toContain(reattemptRefused(id));
		});

		it('is not retried on a 503 (a repeat could open another attempt)', async () => {
			sandbox.faults.inject(/reattempt$/, { kind: 'status', status: 503 });
			const output = await runImocha(sandbox, { parameters: reattempt(2655161), continueOnFail: true });
			expect(sandbox.requests).toHaveLength(1);
			expect(output[0].json.error).toBeDefined();
		});

		it('validates the window before sending', async () => {
			const run = runImocha(sandbox, {
				parameters: reattempt(2655161, { additionalFields: { startDateTime: '2030-02-01', endDateTime: '2030-01-01' } }),
			});
			await expect(run).rejects.toThrow(/"End Date Time" of item 0/);
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('Cancel', () => {
		it("refuses a non-pending invitation with iMocha's message as a NodeApiError", async () => {
			const run = runImocha(sandbox, {
				parameters: { resource: 'invitation', operation: 'cancel', testInvitationId: '2894725' },
			});
			await expect(run).rejects.toThrow(NodeApiError);
			const error = (await run.catch((caught: unknown) => caught)) as NodeApiError;
			expect(`${error.message} ${error.description ?? ''}`).toContain(CANCEL_REFUSED);
			expect(error.httpCode).toBe('400');
			expect(sandbox.requests).toHaveLength(1);
			expect(statusOf(2894725)).toBe('Complete');
		});

		it('gives an error item per failing item with continueOnFail and still cancels the others', async () => {
			const [created] = await runImocha(sandbox, { parameters: invite({ candidateEmail: 'to.cancel@example.com' }) });
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) => ({
					resource: 'invitation',
					operation: 'cancel',
					testInvitationId: ['2894725', String(created.json.testInvitationId), 'x1'][itemIndex],
				}),
				items: [{ json: {} }, { json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(JSON.stringify(output[0].json)).toContain(CANCEL_REFUSED);
			expect(output[1].json).toEqual({ testInvitationId: created.json.testInvitationId, status: 'cancelled' });
			expect(output[2].json.error).toMatch(/"Test Invitation ID" of item 2/);
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});
	});
});
