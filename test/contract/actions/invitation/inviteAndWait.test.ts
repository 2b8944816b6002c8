import type { IDataObject, IExecuteData, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Sandbox } from '../../../../sandbox/server';
import { createExecuteContext } from '../../../helpers/context';
import { imochaNode, sandboxCredentials, testSandbox } from '../../../helpers/runNode';
import { createWebhookContext } from '../../../helpers/webhookContext';

const JAVA = 1134601;
const RESUME_URL = 'https://n8n.example.com/webhook-waiting/4711?signature=abc123';

const inviteAndWait = (extra: Record<string, unknown> = {}) => ({
	resource: 'invitation',
	operation: 'inviteAndWait',
	testId: { mode: 'id', value: String(JAVA) },
	candidateEmail: 'wait.for.me@example.com',
	candidateName: 'Wait For Me',
	waitAmount: 2,
	waitUnit: 'hours',
	...extra,
});

/** The execute context plus the three things a waiting node uses: its resume URL, its stack entry, the wait. */
function waitingContext(sandbox: Sandbox, parameters: Record<string, unknown>, items: INodeExecutionData[] = [{ json: { row: 1 } }]) {
	const base = createExecuteContext({
		parameters,
		items,
		credentials: sandboxCredentials(sandbox),
		properties: imochaNode.description.properties,
	});
	const executeData: IExecuteData = { node: base.getNode(), data: { main: [items] }, source: null };
	const waits: Date[] = [];
	const context = Object.assign(base, {
		evaluateExpression: (expression: string) => {
			if (expression !== '{{ $execution.resumeUrl }}') throw new Error(`unexpected expression ${expression}`);
			return RESUME_URL;
		},
		getExecuteData: () => executeData,
		putExecutionToWait: async (waitTill: Date) => void waits.push(waitTill),
	});
	return { context, executeData, waits };
}

describe('Invitation > Invite and Wait for Result', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	describe('execute (before the pause)', () => {
		it("invites with the execution's resume URL as callbackUrl and waits until the time limit", async () => {
			const { context, executeData, waits } = waitingContext(sandbox, inviteAndWait({ additionalFields: { sendEmail: true } }));
			const input = executeData.data.main[0];
			const before = Date.now();
			const [output] = await imochaNode.execute.call(context);

			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: `/v3/tests/${JAVA}/invite` });
			expect(sandbox.requests[0].body).toStrictEqual({
				email: 'wait.for.me@example.com',
				name: 'Wait For Me',
				callbackUrl: RESUME_URL,
				sendEmail: 'yes',
			});
			const id = output[0].json.testInvitationId as number;
			expect(sandbox.state.invitations.find((entry) => entry.testInvitationId === id)?.callbackUrl).toBe(RESUME_URL);

			expect(waits).toHaveLength(1);
			expect(waits[0].getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
			expect(waits[0].getTime()).toBeLessThan(Date.now() + 2 * 3_600_000);

			// What n8n passes on if the time limit resumes the execution: a clear timed-out item.
			const expected = {
				json: {
					status: 'timedOut',
					timedOut: true,
					isFinal: false,
					testInvitationId: id,
					testUrl: expect.stringMatching(/^https:\/\/test\.imocha\.io\//),
					email: 'wait.for.me@example.com',
					testId: JAVA,
					waitedUntil: waits[0].toISOString(),
					message: expect.stringMatching(/no final result .* before the time limit/),
				},
				pairedItem: { item: 0 },
			};
			expect(executeData.data).toEqual({ main: [[expected]] });
			expect(output).toEqual([expected]);
			// The input items themselves are untouched.
			expect(input).toEqual([{ json: { row: 1 } }]);
		});

		it('refuses more than one item before any request, pointing to the trigger and sub-workflows', async () => {
			const { context, waits } = waitingContext(sandbox, inviteAndWait(), [{ json: {} }, { json: {} }]);
			const error = await imochaNode.execute.call(context).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).message).toBe('Invite and Wait handles one candidate per execution, but got 2 items');
			expect((error as NodeOperationError).description).toMatch(/iMocha Trigger/);
			expect(sandbox.requests).toHaveLength(0);
			expect(waits).toHaveLength(0);
		});

		it('does not wait for a candidate who already finished (re-invite returns the finished invitation)', async () => {
			const { context, waits } = waitingContext(sandbox, inviteAndWait({ candidateEmail: 'ana.silva@example.com' }));
			// ana.silva finished the Java test through another link in the seed; invite her through the default link first.
			const [first] = await imochaNode.execute.call(context);
			const id = first[0].json.testInvitationId as number;
			const stored = sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!;
			stored.status = 'Complete';

			const again = waitingContext(sandbox, inviteAndWait({ candidateEmail: 'ana.silva@example.com' }));
			const [output] = await imochaNode.execute.call(again.context);
			expect(again.waits).toHaveLength(0);
			expect(output[0].json).toMatchObject({ testInvitationId: id, status: 'Complete', isFinal: true, timedOut: false });
			expect(output[0].json.message).toMatch(/already finished .* Reattempt/);
			expect(waits).toHaveLength(1);
		});

		it('validates the time limit before any request', async () => {
			const { context } = waitingContext(sandbox, inviteAndWait({ waitAmount: 0 }));
			await expect(imochaNode.execute.call(context)).rejects.toThrow('The "Time Limit" of item 0 must be a positive number (got 0)');
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('webhook (the callback at the resume URL)', () => {
		const callback = (status: string, extra: IDataObject = {}) => ({
			CandidateEmailId: 'wait.for.me@example.com',
			AttemptedOn: '09-Oct-2026 06:51 PM',
			TotalScore: status === 'In Progress' ? 0 : 115,
			CandidateScore: status === 'In Progress' ? 0 : 92,
			ReportPDFUrl: status === 'In Progress' ? null : 'https://app.imocha.io/PDFReport?id=x',
			TestInvitationId: 2894725,
			Status: status,
			AttemptedOnUtc: '2026-10-09T13:21:53',
			PerformanceCategory: status === 'In Progress' ? null : 'Expert',
			...extra,
		});
		const hook = (body: unknown, parameters: IDataObject = {}) =>
			createWebhookContext({
				body,
				parameters: { ...inviteAndWait(), ...parameters },
				credentials: sandboxCredentials(sandbox),
				properties: imochaNode.description.properties,
			});

		it('answers "In Progress" with 200 and returns no workflowData, so the execution keeps waiting', async () => {
			const context = hook(callback('In Progress'));
			const result = await imochaNode.webhook.call(context);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(context.response).toMatchObject({ statusCode: 200, body: { received: true, resumed: false, reason: 'in progress' } });
		});

		it.each(['Complete', 'Terminated', 'Test Left', 'TestLeft'])('resumes on the final status "%s" with the callback', async (status) => {
			const context = hook(callback(status));
			const result = await imochaNode.webhook.call(context);
			expect(context.response).toMatchObject({ statusCode: 200, body: { received: true, resumed: true } });
			expect(result.noWebhookResponse).toBe(true);
			expect(result.workflowData).toEqual([
				[
					{
						json: expect.objectContaining({
							testInvitationId: 2894725,
							status,
							isFinal: true,
							timedOut: false,
							CandidateScore: 92,
							scorePercentage: 80,
						}),
						pairedItem: { item: 0 },
					},
				],
			]);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('adds the JSON report when asked, after answering iMocha', async () => {
			const context = hook(callback('Complete'), { waitOptions: { includeReport: true, reportType: 3 } });
			const result = await imochaNode.webhook.call(context);
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/reports/2894725', query: { reportType: '3' } });
			const json = result.workflowData![0][0].json;
			expect(json.report).toMatchObject({ testInvitationId: 2894725, candidateEmail: 'suhas.k@example.com' });
			expect(json.reportError).toBeUndefined();
		});

		it('still resumes with the result when the report cannot be fetched', async () => {
			const context = hook(callback('Complete', { TestInvitationId: 9_999_999 }), { waitOptions: { includeReport: true } });
			const result = await imochaNode.webhook.call(context);
			expect(context.response.statusCode).toBe(200);
			expect(result.workflowData![0][0].json).toMatchObject({ testInvitationId: 9_999_999, status: 'Complete' });
			expect(result.workflowData![0][0].json.reportError).toEqual(expect.any(String));
		});

		it('answers 400 to a malformed body and keeps waiting', async () => {
			const context = hook({ hello: 'world' });
			const result = await imochaNode.webhook.call(context);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(context.response).toMatchObject({ statusCode: 400, body: { message: expect.stringMatching(/Malformed iMocha callback/) } });
		});

		it('keeps waiting on an unknown status, and logs it', async () => {
			const context = hook(callback('Paused'));
			const result = await imochaNode.webhook.call(context);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(context.response.body).toMatchObject({ resumed: false, reason: 'unknown status "Paused"' });
			expect(context.logger.warnings).toEqual([expect.stringMatching(/unknown status "Paused"/)]);
		});
	});

	it('declares a POST resume webhook (restartWebhook) on the node, as n8n wait-style nodes do', () => {
		expect(imochaNode.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: '', restartWebhook: true },
		]);
	});
});
