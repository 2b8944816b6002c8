/**
 * The fault matrix: every kind of failure iMocha or a proxy in front of it can produce, for a
 * read, a write that is safe to repeat and one that is not. Each row asserts the outcome and,
 * from the sandbox's own records, that no item was lost and no invitation duplicated.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import type { ScriptedFault } from '../../../sandbox/faults';
import type { Sandbox } from '../../../sandbox/server';
import type { Invitation } from '../../../sandbox/state';
import { configureTransport } from '../../../nodes/Imocha/transport';
import { createExecuteContext, type Parameters } from '../../helpers/context';
import { imochaNode, runImocha, sandboxCredentials, testSandbox } from '../../helpers/runNode';
import { forgetPacers } from '../../../nodes/Imocha/transport/pacer';

const JAVA = 1134601;
/** Seeded finished attempts. */
const REPORTS = [2655161, 2894725];
const readReport = (index: number) => ({ resource: 'report', operation: 'get', testInvitationId: String(REPORTS[index % 2]), requestOptions });
/** Fast backoff so that the matrix runs in seconds; the node's own options set the rest. */
const FAST_BACKOFF = { baseDelayMs: 20, maxDelayMs: 80 };
const requestOptions = { concurrency: 1, maxAttempts: 3, timeout: 1 };

type Expect = 'retried' | 'failed' | 'failed-after-acting';

interface Row {
	fault: string;
	inject: ScriptedFault;
	/** What happens to a call that is not safe to repeat. */
	unsafe: Expect;
}

const ROWS: Row[] = [
	{ fault: '429 with Retry-After (fraction)', inject: { kind: 'status', status: 429, retryAfter: '0.05' }, unsafe: 'retried' },
	{ fault: '429 with Retry-After (whole seconds)', inject: { kind: 'status', status: 429, retryAfter: '1' }, unsafe: 'retried' },
	{ fault: '429 without Retry-After', inject: { kind: 'status', status: 429 }, unsafe: 'retried' },
	{ fault: '500', inject: { kind: 'status', status: 500 }, unsafe: 'failed' },
	{ fault: '502', inject: { kind: 'status', status: 502 }, unsafe: 'failed' },
	{ fault: '503', inject: { kind: 'status', status: 503 }, unsafe: 'failed' },
	{ fault: 'timeout (no answer)', inject: { kind: 'hang' }, unsafe: 'failed' },
	{ fault: 'connection reset before iMocha acted', inject: { kind: 'reset' }, unsafe: 'failed' },
	{ fault: 'connection reset after iMocha acted', inject: { kind: 'reset-after' }, unsafe: 'failed-after-acting' },
	{ fault: 'malformed JSON (after iMocha acted)', inject: { kind: 'malformed' }, unsafe: 'failed-after-acting' },
	{ fault: 'HTML error page (502)', inject: { kind: 'html', status: 502 }, unsafe: 'failed' },
	// An empty 2xx is a failure only for reads: Update Settings answers 201 with no body.
	{ fault: 'empty body (200 on the read, 502 on the writes)', inject: { kind: 'empty', status: 200 }, unsafe: 'failed' },
];

const emptyOnWrites = (row: Row): ScriptedFault =>
	row.inject.kind === 'empty' ? { kind: 'empty', status: 502 } : row.inject;

describe('fault matrix', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
		sandbox.faults.reset();
		// Each case is a fresh account: what one case taught the pacer must not slow the next.
		forgetPacers();
	});

	async function run(parameters: Parameters | ((itemIndex: number) => Parameters), itemCount: number, continueOnFail = true) {
		const context = createExecuteContext({
			parameters,
			items: Array.from({ length: itemCount }, (_, index) => ({ json: { index } })),
			continueOnFail,
			credentials: sandboxCredentials(sandbox),
			properties: imochaNode.description.properties,
		});
		configureTransport(context, { retry: FAST_BACKOFF });
		const [output] = await imochaNode.execute.call(context);
		return output;
	}

	function expectInOrder(output: INodeExecutionData[], count: number) {
		expect(output).toHaveLength(count);
		expect(output.map((item) => item.pairedItem)).toEqual(Array.from({ length: count }, (_, item) => ({ item })));
	}

	const statuses = () => sandbox.requests.map((request) => request.status);

	describe('read: Report > Get (retried on every fault)', () => {
		it.each(ROWS)('$fault', async (row) => {
			sandbox.faults.inject(/^GET \/v3\/reports\/\d+$/, row.inject, 1);
			const output = await run(
				(index) => ({ resource: 'report', operation: 'get', testInvitationId: String(REPORTS[index]), requestOptions }),
				2,
			);

			expectInOrder(output, 2);
			expect(output.every((item) => item.json.error === undefined)).toBe(true);
			expect(output.map((item) => item.json.testInvitationId)).toEqual(REPORTS);
			// The faulted call, its retry, and item 1's call.
			expect(sandbox.requests).toHaveLength(3);
			expect(statuses().slice(1)).toEqual([200, 200]);
		});
	});

	describe('idempotent write: Invitation > Invite (retried on every fault)', () => {
		it.each(ROWS)('$fault', async (row) => {
			const tag = `inv${Date.now()}`;
			const email = (index: number) => `${tag}.${index}@example.com`;
			sandbox.faults.inject(/^POST \/v3\/tests\/\d+\/invite$/, emptyOnWrites(row), 1);
			const output = await run(
				(index) => ({
					resource: 'invitation',
					operation: 'invite',
					testId: { mode: 'id', value: String(JAVA) },
					candidateEmail: email(index),
					candidateName: `Fault ${index}`,
					requestOptions,
				}),
				2,
			);

			expectInOrder(output, 2);
			expect(output.map((item) => item.json.email)).toEqual([email(0), email(1)]);
			expect(output.every((item) => typeof item.json.testInvitationId === 'number')).toBe(true);
			// From the sandbox's records: each candidate has exactly one invitation.
			for (const index of [0, 1]) {
				expect(sandbox.state.invitations.filter((entry) => entry.email === email(index))).toHaveLength(1);
			}
			expect(sandbox.requests).toHaveLength(3);
		});
	});

	describe('non-idempotent write: Invitation > Reattempt (retried only on 429)', () => {
		let nextId = 8_800_000;
		function finishedInvitation(): Invitation {
			const invitation: Invitation = {
				testInvitationId: ++nextId,
				testId: JAVA,
				testLinkId: 0,
				email: `done${nextId}@example.com`,
				name: 'Done Candidate',
				status: 'Complete',
				invitationType: 'api',
				sendEmail: 'no',
				hideInstruction: 0,
				updatedAt: '2026-11-01T10:00:00Z',
				attemptedOn: '2026-11-01T09:00:00Z',
				candidatePoints: 50,
				totalTestPoints: 115,
			};
			sandbox.state.invitations.push(invitation);
			return invitation;
		}
		const reattemptsOf = (id: number) => sandbox.state.invitations.filter((entry) => entry.reattemptOf === id);

		it.each(ROWS)('$fault', async (row) => {
			const [first, second] = [finishedInvitation(), finishedInvitation()];
			sandbox.faults.inject(new RegExp(`^POST /v3/invitations/${first.testInvitationId}/reattempt$`), emptyOnWrites(row), 1);
			const ids = [first.testInvitationId, second.testInvitationId];
			const output = await run(
				(index) => ({ resource: 'invitation', operation: 'reattempt', testInvitationId: String(ids[index]), requestOptions }),
				2,
			);

			expectInOrder(output, 2);
			// Item 1 is untouched by item 0's fault.
			expect(output[1].json).toMatchObject({ reattemptOf: second.testInvitationId });
			expect(reattemptsOf(second.testInvitationId)).toHaveLength(1);
			const firstCalls = sandbox.requests.filter((request) => request.path.includes(String(first.testInvitationId)));

			if (row.unsafe === 'retried') {
				expect(firstCalls.map((request) => request.status)).toEqual([429, 200]);
				expect(output[0].json).toMatchObject({ reattemptOf: first.testInvitationId });
				expect(reattemptsOf(first.testInvitationId)).toHaveLength(1);
				return;
			}
			// Never repeated: one call, and an error item that says why and what to check.
			expect(firstCalls).toHaveLength(1);
			expect(output[0].json.error).toEqual(expect.any(String));
			expect(output[0].json.message).toMatch(/not safe to repeat.*check in iMocha/);
			// The sandbox acted only when the fault came after it did; never twice.
			expect(reattemptsOf(first.testInvitationId)).toHaveLength(row.unsafe === 'failed-after-acting' ? 1 : 0);
		});
	});

	describe('after the last attempt', () => {
		it('fails the node with a clear error naming the attempts, without Continue On Fail', async () => {
			sandbox.faults.inject(/^GET \/v3\/reports\/\d+$/, { kind: 'status', status: 503 }, 3);
			const error = await run(readReport, 1, false).then(
				() => undefined,
				(caught: unknown) => caught,
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).message).toBe('iMocha is unavailable: Injected failure');
			expect((error as NodeApiError).description).toContain('after 3 attempts');
			expect((error as NodeApiError).context.itemIndex).toBe(0);
			expect(statuses()).toEqual([503, 503, 503]);
		});

		it('turns the item into an error item in its place under Continue On Fail', async () => {
			// Concurrency 1: calls 2-4 are item 1's three attempts.
			let calls = 0;
			const original = sandbox.faults.takeScripted.bind(sandbox.faults);
			sandbox.faults.takeScripted = (request) => {
				calls += 1;
				return calls >= 2 && calls <= 4 ? { kind: 'status', status: 500 } : original(request);
			};
			try {
				const output = await run(readReport, 3);
				expectInOrder(output, 3);
				expect(output[0].json.testInvitationId).toBe(REPORTS[0]);
				expect(output[1].json.error).toBe('iMocha had an internal error: Injected failure');
				expect(output[1].json.message).toContain('after 3 attempts');
				expect(output[2].json.testInvitationId).toBe(REPORTS[0]);
				expect(statuses()).toEqual([200, 500, 500, 500, 200]);
			} finally {
				sandbox.faults.takeScripted = original;
			}
		});

		it('gives up at once when Retry-After asks for longer than the node waits', async () => {
			sandbox.faults.inject(/^GET \/v3\/reports\/\d+$/, { kind: 'status', status: 429, retryAfter: '3600' }, 1);
			const output = await run(readReport, 1);
			expect(output[0].json.error).toMatch(/rate limit or quota/);
			expect(output[0].json.message).toContain('iMocha asked to wait 3600 s');
			expect(sandbox.requests).toHaveLength(1);
		});

		it('does not hold the next items for a Retry-After it gave up on', async () => {
			// Nothing got through before the 429, which the pacer reads as a used-up quota: it
			// would hold every call of the account for the hour the failed item did not wait.
			sandbox.faults.inject(/^GET \/v3\/reports\/\d+$/, { kind: 'status', status: 429, retryAfter: '3600' }, 1);
			const output = await run(readReport, 2);
			expect(output[0].json.message).toContain('iMocha asked to wait 3600 s');
			expect(output[1].json.testInvitationId).toBe(REPORTS[1]);
			expect(sandbox.requests).toHaveLength(2);
		}, 15_000);
	});
});

describe('an invite answered without an invitation ID', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());

	it('is retried (invites are safe to repeat) instead of producing an item with no ID', async () => {
		sandbox.faults.inject(/^POST \/v3\/tests\/\d+\/invite$/, { kind: 'status', status: 200, body: {} }, 1);
		const output = await runImocha(sandbox, {
			parameters: {
				resource: 'invitation',
				operation: 'invite',
				testId: { __rl: true, mode: 'id', value: '1134601' },
				candidateEmail: 'no-id@example.com',
				candidateName: 'No Id',
			},
		});
		expect(sandbox.requests.map((request) => request.status)).toEqual([200, 200]);
		expect(typeof output[0].json.testInvitationId).toBe('number');
	});
});
