/**
 * Invitation > Invite and Wait for Result in a real n8n 2.40.7 against the sandbox: the execution
 * pauses after the invite, an "In Progress" callback to its resume URL leaves it waiting, the
 * final callback resumes it with the result, and a short time limit resumes another execution
 * with a "timedOut" item. n8n checks time limits once a minute, so both runs share one instance.
 * `npm run test:compat` also runs it on n8n 1.123.81, whose resume URLs and executions list differ
 * (see waitingRun below).
 */
import * as path from 'node:path';

import { playCandidate } from '../../sandbox/candidate';
import { sandboxCredentialImport } from '../../sandbox/credential';
import type { Sandbox } from '../../sandbox/server';
import type { Invitation } from '../../sandbox/state';
import { N8nInstance } from '../../scripts/n8n/instance';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { testSandbox } from '../helpers/runNode';

const repoRoot = path.resolve(__dirname, '..', '..');
const CREDENTIAL = { id: 'e2eWaitCred00001', name: 'iMocha sandbox (invite and wait)' };
const JAVA = 1134601;

/** Webhook trigger -> iMocha Invite and Wait: the run starts over HTTP, as it would in production. */
function waitWorkflow(id: string, webhookPath: string, email: string, waitAmount: number, waitUnit: string) {
	return {
		id,
		name: `e2e invite and wait ${webhookPath}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-start`,
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `6f0c1a2b-3c4d-4e5f-8a9b-${id.slice(-12).padStart(12, '0')}`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
			},
			{
				id: `${id}-imocha`,
				name: 'iMocha',
				type: 'n8n-nodes-imocha.imocha',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'invitation',
					operation: 'inviteAndWait',
					testId: { __rl: true, mode: 'id', value: String(JAVA) },
					candidateEmail: email,
					candidateName: 'Wait E2E',
					waitAmount,
					waitUnit,
					waitOptions: { includeReport: true },
				},
				credentials: { imochaApi: CREDENTIAL },
			},
		],
		connections: { Start: { main: [[{ node: 'iMocha', type: 'main', index: 0 }]] } },
	};
}

const RESULT_FLOW = waitWorkflow('e2eWaitResult001', 'start-wait-result', 'wait.result@example.com', 1, 'hours');
// 0.05 minutes = 3 s: n8n resumes it at its next once-a-minute check of waiting executions.
const TIMEOUT_FLOW = waitWorkflow('e2eWaitTimeout01', 'start-wait-timeout', 'wait.timeout@example.com', 0.05, 'minutes');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(500);
	}
}

describe('Invite and Wait for Result in a real n8n', () => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;

	beforeAll(async () => {
		await ensureRuntime((msg) => process.stderr.write(`${msg}\n`));
		sandbox = await testSandbox({ maxLifetimeMs: 10 * 60_000 });
		n8n = await N8nInstance.create({ packageRoot: repoRoot });
		await n8n.importCredentials([sandboxCredentialImport(CREDENTIAL, sandbox.url)]);
		await n8n.importWorkflows([RESULT_FLOW, TIMEOUT_FLOW]);
		await n8n.publish(RESULT_FLOW.id);
		await n8n.publish(TIMEOUT_FLOW.id);
		await n8n.start();
		await n8n.setupOwnerAndApiKey();
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	}, 30_000);

	const invitationOf = (email: string): Invitation | undefined =>
		sandbox.state.invitations.find((entry) => entry.email === email && entry.testId === JAVA);

	async function startRun(workflow: typeof RESULT_FLOW): Promise<void> {
		const url = `${n8n.baseUrl}/webhook/${workflow.nodes[0].parameters.path}`;
		await n8n.waitForWebhook(url, 30_000);
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
	}

	async function onlyExecution(workflowId: string, status?: string): Promise<any | undefined> {
		const executions = await n8n.listExecutions(workflowId);
		const [execution] = executions;
		if (!execution) return undefined;
		return !status || execution.status === status ? execution : undefined;
	}

	const outputOf = (execution: any) => execution.data.resultData.runData.iMocha.at(-1).data.main[0];

	/**
	 * The run of `workflowId` that invited `email`, once n8n stores it as waiting, and that
	 * invitation. n8n 2.x: the executions list shows it, and its resume URL (the callback URL)
	 * carries a resume token, `?signature=`. n8n 1.x: the resume URL is the bare
	 * `<base>/webhook-waiting/<execution id>` (n8n-core's get-additional-keys.ts), and
	 * GET /api/v1/executions leaves out every execution n8n still holds in memory
	 * (public-api/v1/handlers/executions/executions.handler.ts excludes all of
	 * ActiveExecutions.getActiveExecutions(); 2.x excludes only those with status "running"), while
	 * 1.x keeps a waiting execution there until it resumes (active-executions.ts, add(): the
	 * finally block deletes only non-waiting entries); in the installed n8n@1.123.81:
	 * dist/public-api/v1/handlers/executions/executions.handler.js:76-85 and
	 * dist/active-executions.js:87-95. So on 1.x the run is read by the execution ID in its resume URL
	 * (GET /api/v1/executions/<id>, which reads the database); its workflow and status prove the same.
	 */
	async function waitingRun(workflowId: string, email: string): Promise<{ execution: any; invitation: Invitation }> {
		const n8n1 = n8n.n8nVersion.startsWith('1.');
		const resumeUrl = new RegExp(`^${n8n.baseUrl}/webhook-waiting/(\\d+)${n8n1 ? '$' : '\\?signature='}`);
		return until(
			`the run inviting ${email} to wait`,
			async () => {
				const invitation = invitationOf(email);
				const id = invitation?.callbackUrl?.match(resumeUrl)?.[1];
				if (!invitation || !id) return undefined;
				const execution = n8n1 ? await n8n.getExecution(id) : await onlyExecution(workflowId, 'waiting');
				if (execution?.status !== 'waiting') return undefined;
				expect({ id: String(execution.id), workflowId: execution.workflowId }).toEqual({ id, workflowId });
				return { execution, invitation };
			},
			30_000,
		);
	}

	it(
		'pauses after the invite, ignores "In Progress", resumes on the final status, and times out with a clear item',
		async () => {
			await startRun(RESULT_FLOW);
			await startRun(TIMEOUT_FLOW);

			// The result run: invited with its own resume URL, then waiting.
			const { execution: waiting, invitation } = await waitingRun(RESULT_FLOW.id, 'wait.result@example.com');

			const started = await playCandidate(sandbox.state, invitation.testInvitationId, 'In Progress');
			expect(started?.delivered).toBe(true);
			await sleep(1500);
			expect((await n8n.getExecution(waiting.id)).status).toBe('waiting');

			const finished = await playCandidate(sandbox.state, invitation.testInvitationId, 'Complete', 92);
			expect(finished?.delivered).toBe(true);
			const done = await until('the result run to finish', () => onlyExecution(RESULT_FLOW.id, 'success'), 30_000);
			expect(done.id).toBe(waiting.id);
			const [result] = outputOf(await n8n.getExecution(done.id, true));
			expect(result.json).toMatchObject({
				testInvitationId: invitation.testInvitationId,
				status: 'Complete',
				isFinal: true,
				timedOut: false,
				CandidateScore: 92,
				TotalScore: 115,
				report: { testInvitationId: invitation.testInvitationId, candidatePoints: 92, status: 'Complete' },
			});
			const deliveries = sandbox.state.callbacks.filter((entry) => entry.url === invitation.callbackUrl);
			expect(deliveries.map((entry) => [entry.payload.Status, entry.attempts, entry.lastStatus])).toEqual([
				['In Progress', 1, 200],
				['Complete', 1, 200],
			]);

			// The timed-out run: resumed by n8n's wait tracker (once a minute) with the timed-out item.
			const timedOutInvitation = invitationOf('wait.timeout@example.com')!;
			expect(timedOutInvitation.status).toBe('Pending');
			const timedOut = await until('the timed-out run to finish', () => onlyExecution(TIMEOUT_FLOW.id, 'success'), 100_000);
			const [item] = outputOf(await n8n.getExecution(timedOut.id, true));
			expect(item.json).toMatchObject({
				status: 'timedOut',
				timedOut: true,
				testInvitationId: timedOutInvitation.testInvitationId,
				email: 'wait.timeout@example.com',
				testId: JAVA,
			});
		},
		3 * 60_000,
	);
});
