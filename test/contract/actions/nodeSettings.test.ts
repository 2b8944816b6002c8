/**
 * The node under n8n's node settings: "On Error" (regular or error output) and Retry On Fail.
 * The real-n8n counterparts are in test/e2e/nodeSettings.test.ts.
 */
import type { Sandbox } from '../../../sandbox/server';
import { goesToErrorOutput, retryOnFailSeesFailure } from '../../helpers/errorOutput';
import { runImocha, testSandbox } from '../../helpers/runNode';

const JAVA = '1134601';
const invite = (candidateEmail: string) => ({
	resource: 'invitation',
	operation: 'invite',
	testId: { mode: 'id', value: JAVA },
	candidateEmail,
	candidateName: 'Settings Case',
	requestOptions: { maxAttempts: 2 },
});
const two = [{ json: {} }, { json: {} }];

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await testSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
	sandbox.requests.splice(0);
	sandbox.faults.reset();
});

const invitesSent = (email: string) =>
	sandbox.requests.filter((request) => request.method === 'POST' && (request.body as { email?: string })?.email === email).length;

describe('failed items under "On Error: Continue"', () => {
	it('a bad email (issue example) becomes an item n8n 1.x and 2.x move to the error output; the valid one stays', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) => invite(['valid.one@example.com', 'bob@'][itemIndex]),
			items: two,
			continueOnFail: true,
		});
		expect(output[1]).toEqual({
			json: { error: expect.stringContaining('"Candidate Email" of item 1'), message: expect.any(String) },
			pairedItem: { item: 1 },
		});
		for (const line of ['1.x', '2.x'] as const) {
			expect(output.map((item) => goesToErrorOutput(item, line))).toEqual([false, true]);
		}
	});

	it('an API failure (a 404 NodeApiError with its hint) has the same shape', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) => ({ resource: 'report', operation: 'get', testInvitationId: ['999001', String(sandbox.state.invitations[0].testInvitationId)][itemIndex] }),
			items: two,
			continueOnFail: true,
		});
		expect(Object.keys(output[0].json).sort()).toEqual(['error', 'message']);
		expect(output[0].json.message).toMatch(/Check the ID/);
		for (const line of ['1.x', '2.x'] as const) {
			expect(output.map((item) => goesToErrorOutput(item, line))).toEqual([true, false]);
		}
	});
});

describe('n8n Retry On Fail re-running the node', () => {
	const retrySettings = { retryOnFail: true, maxTries: 3 };

	it('sends the valid invite once when n8n re-runs the node for a failed first item (issue example)', async () => {
		const options = {
			parameters: (itemIndex: number) => invite(['bob@', 'retry.once@example.com'][itemIndex]),
			items: two,
			continueOnFail: true,
			settings: retrySettings,
			executionId: 'retry-invite',
		};
		for (let run = 0; run < 3; run++) {
			const output = await runImocha(sandbox, options);
			expect(retryOnFailSeesFailure(output)).toBe(true);
			expect(output[1].json.testInvitationId).toEqual(expect.any(Number));
		}
		expect(invitesSent('retry.once@example.com')).toBe(1);
	});

	it('re-sends no callbacks: Process Callbacks runs once for the valid item over three runs', async () => {
		const id = sandbox.state.invitations.find((invitation) => invitation.status === 'Complete')!.testInvitationId;
		for (let run = 0; run < 3; run++) {
			await runImocha(sandbox, {
				parameters: (itemIndex: number) => ({ resource: 'callback', operation: 'process', testInvitationIds: ['latest', String(id)][itemIndex] }),
				items: two,
				continueOnFail: true,
				settings: retrySettings,
				executionId: 'retry-process',
			});
		}
		expect(sandbox.requests.filter((request) => request.path === '/v3/callbacks/process')).toHaveLength(1);
	});

	it('lets a failing iMocha see Max Attempts calls per item, not Max Attempts x Max Tries', async () => {
		sandbox.faults.inject(/GET \/v3\/reports\/2655161$/, { kind: 'status', status: 503 }, 100);
		for (let run = 0; run < 3; run++) {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'get', testInvitationId: '2655161', requestOptions: { maxAttempts: 2 } },
				continueOnFail: true,
				settings: retrySettings,
				executionId: 'retry-failing',
			});
			expect(output[0].json.error).toMatch(/unavailable|internal error/);
		}
		expect(sandbox.requests.filter((request) => request.path === '/v3/reports/2655161')).toHaveLength(2);
	});

	it('repeats nothing across executions, and remembers nothing without Retry On Fail', async () => {
		const run = (executionId: string, settings = retrySettings) =>
			runImocha(sandbox, { parameters: invite('each.execution@example.com'), settings, executionId });
		await run('execution-a');
		await run('execution-b');
		await run('execution-c', { retryOnFail: false, maxTries: 3 });
		await run('execution-c', { retryOnFail: false, maxTries: 3 });
		expect(invitesSent('each.execution@example.com')).toBe(4);
	});
});
