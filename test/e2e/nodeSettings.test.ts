/**
 * n8n's own node settings on the iMocha node, in a real n8n 2.40.7: "On Error: Continue (using
 * error output)" routes failed items to the error branch, and Retry On Fail (which re-runs the
 * whole node while its first item is an error item) sends no invite twice.
 */
import { executionError, SETUP_TIMEOUT_MS, startHarness, until, type Harness } from '../helpers/n8n';
import { settingsWorkflow } from './nodeSettings.workflows';

const CREDENTIAL = { id: 'e2eSettingsCredential', name: 'iMocha sandbox (node settings)' };
const workflows = {
	errorOutput: settingsWorkflow({ id: 'e2eSettingsErrorOut', path: 'e2e-error-output', credential: CREDENTIAL, settings: { onError: 'continueErrorOutput' } }),
	retry: settingsWorkflow({
		id: 'e2eSettingsRetry',
		path: 'e2e-retry-on-fail',
		credential: CREDENTIAL,
		settings: { onError: 'continueRegularOutput', retryOnFail: true, maxTries: 3, waitBetweenTries: 100 },
	}),
};

describe('n8n node settings on the iMocha node, in a real n8n', () => {
	let harness: Harness;

	beforeAll(async () => {
		const all = Object.values(workflows);
		harness = await startHarness({ credential: CREDENTIAL, workflows: all, activate: all.map((workflow) => workflow.id) });
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await harness?.stop();
	}, 60_000);

	/** Posts the candidates to the workflow and returns its finished run, read back with its data. */
	async function run(workflow: keyof typeof workflows, candidates: Array<{ email: string; name: string }>): Promise<any> {
		const { n8n } = harness;
		const { id, nodes } = workflows[workflow];
		const url = `${n8n.baseUrl}/webhook/${(nodes[0].parameters as { path: string }).path}`;
		await n8n.waitForWebhook(url, 30_000);
		const before = new Set((await n8n.listExecutions(id)).map((execution) => execution.id));
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ candidates }) });
		expect(response.status).toBe(200);
		const finished = await until(
			`the ${workflow} run to finish`,
			async () => (await n8n.listExecutions(id)).find((execution) => !before.has(execution.id) && execution.finished !== undefined && !['running', 'new'].includes(execution.status)),
			60_000,
		);
		const execution = await n8n.getExecution(finished.id, true);
		expect({ status: execution.status, error: executionError(execution) }).toEqual({ status: 'success', error: undefined });
		return execution;
	}

	const outputsOf = (execution: any, node: string) => execution.data.resultData.runData[node]?.at(-1)?.data?.main ?? [];
	const emailsSent = (email: string) =>
		harness.sandbox.requests.filter((request) => request.method === 'POST' && (request.body as { email?: string })?.email === email).length;

	it('"Continue (using error output)": the valid candidate reaches the success branch, bob@ the error branch (issue example)', async () => {
		const execution = await run('errorOutput', [
			{ email: 'branch.valid@example.com', name: 'Valid Branch' },
			{ email: 'bob@', name: 'Bob' },
		]);
		const [success, failed] = outputsOf(execution, 'Invite');
		expect(success.map((item: any) => item.json.email)).toEqual(['branch.valid@example.com']);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/"Candidate Email" of item 1 must be an email address/);
		expect(outputsOf(execution, 'On Success')[0]).toHaveLength(1);
		expect(outputsOf(execution, 'On Error')[0]).toHaveLength(1);
		expect(emailsSent('branch.valid@example.com')).toBe(1);
	});

	it('"Continue (using error output)" with an empty name from the sheet: that item goes to the error branch, the other is invited', async () => {
		const execution = await run('errorOutput', [
			{ email: 'branch.second@example.com', name: 'Second' },
			{ email: 'also.valid@example.com', name: '' },
		]);
		const [success, failed] = outputsOf(execution, 'Invite');
		expect(success.map((item: any) => item.json.email)).toEqual(['branch.second@example.com']);
		expect(failed.map((item: any) => item.json.error)).toEqual([expect.stringMatching(/"Candidate Name" of item 1 is empty/)]);
	});

	it('Retry On Fail (3 tries) with On Error = Continue: bob@ first, and the valid candidate is invited exactly once (issue example)', async () => {
		const execution = await run('retry', [
			{ email: 'bob@', name: 'Bob' },
			{ email: 'retried.once@example.com', name: 'Retried Once' },
		]);
		const [items] = outputsOf(execution, 'Invite');
		expect(items[0].json.error).toMatch(/"Candidate Email" of item 0/);
		expect(items[1].json).toMatchObject({ email: 'retried.once@example.com', testInvitationId: expect.any(Number) });
		expect(emailsSent('retried.once@example.com')).toBe(1);
	});
});
