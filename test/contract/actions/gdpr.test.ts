import { NodeApiError } from 'n8n-workflow';

import { noRecords } from '../../../sandbox/routes/gdpr';
import type { Sandbox } from '../../../sandbox/server';
import { runImocha, testSandbox } from '../../helpers/runNode';

const mask = (candidateEmail: unknown, additionalFields: Record<string, unknown> = {}) => ({
	resource: 'gdpr',
	operation: 'maskData',
	candidateEmail,
	additionalFields,
});

describe('GDPR > Mask Data', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('sends CandidateEmail only, and returns the documented result with the email', async () => {
		const output = await runImocha(sandbox, { parameters: mask('may.lee@example.com') });
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v3/gdpr/requests', query: {} });
		expect(sandbox.requests[0].body).toStrictEqual({ CandidateEmail: 'may.lee@example.com' });
		expect(output).toEqual([
			{ json: { result: 'Request accepted for processing', email: 'may.lee@example.com' }, pairedItem: { item: 0 } },
		]);
		expect(sandbox.state.invitations.some((entry) => entry.email === 'may.lee@example.com')).toBe(false);
	});

	it('adds testinvitationId as an integer when one attempt is to be masked', async () => {
		const output = await runImocha(sandbox, { parameters: mask('suhas.k@example.com', { testInvitationId: '2894725' }) });
		expect(sandbox.requests[0].body).toStrictEqual({ CandidateEmail: 'suhas.k@example.com', testinvitationId: 2894725 });
		expect(output[0].json).toEqual({
			result: 'Request accepted for processing',
			email: 'suhas.k@example.com',
			testInvitationId: 2894725,
		});
	});

	it("surfaces iMocha's 400 when the candidate has no records", async () => {
		const run = runImocha(sandbox, { parameters: mask('nobody@example.com') });
		await expect(run).rejects.toThrow(NodeApiError);
		await expect(run).rejects.toThrow(noRecords('nobody@example.com'));
	});

	it('validates email and ID before any request, with error items under continueOnFail', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) =>
				[mask('not an email'), mask('ana.silva@example.com', { testInvitationId: '12a' }), mask('ana.silva@example.com')][itemIndex],
			items: [{ json: {} }, { json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output[0].json.error).toMatch(/"Candidate Email" of item 0 must be an email address/);
		expect(output[1].json.error).toMatch(/"Test Invitation ID" of item 1 must be a positive whole number/);
		expect(output[2].json.result).toBe('Request accepted for processing');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.requests).toHaveLength(1);
	});
});
