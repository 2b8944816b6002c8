/**
 * The package in n8n's queue mode: PostgreSQL + Redis (private instances on 127.0.0.1, installed
 * from Debian when missing), one main, one worker, two webhook processors, against the sandbox.
 * A run created for a repeated callback is counted apart: its iMocha Trigger step emits nothing
 * (the claim in n8n's de-duplication store stops it), so nothing after the trigger runs twice.
 */
import { playCandidate } from '../../sandbox/candidate';
import { callbackPayload } from '../../sandbox/callbacks';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { QueueCluster } from '../../scripts/queue/cluster';
import { CALLBACK_SECRET, nodeOutput, repoRoot, sandboxCredential, SETUP_TIMEOUT_MS, sleep, until } from '../helpers/n8n';
import { BULK_PATH, bulkInviteWorkflow, inviteAndWaitWorkflow, pollWorkflow, TRIGGER_PATH, triggerWorkflow, WAIT_PATH } from './queueMode.workflows';

const CREDENTIAL = { id: 'queueModeCred001', name: 'iMocha sandbox (queue mode)' };
const BULK = 3;
const WAIT_EMAIL = 'queue.wait@example.com';
/** Time for a callback that wrongly started a run to show up. */
const SETTLE_MS = 2_000;

describe('queue mode: main + worker + 2 webhook processors on PostgreSQL and Redis', () => {
	let cluster: QueueCluster;
	let sandbox: Sandbox;
	let publicUrl: string;
	const TRIGGER = triggerWorkflow(CREDENTIAL);
	const POLL = pollWorkflow(CREDENTIAL);
	let BULK_FLOW: ReturnType<typeof bulkInviteWorkflow>;
	const WAIT_FLOW = inviteAndWaitWorkflow(CREDENTIAL, WAIT_EMAIL);
	/** Invitations the bulk invite created, completed by the callback tests, emitted by the poll trigger. */
	let invited: number[] = [];

	beforeAll(async () => {
		const log = (msg: string) => process.stderr.write(`${msg}\n`);
		await ensureRuntime(log);
		sandbox = await startSandbox({ maxLifetimeMs: 20 * 60_000 });
		cluster = await QueueCluster.create({ packageRoot: repoRoot, log });
		publicUrl = cluster.webhooks[0].baseUrl + '/';
		BULK_FLOW = bulkInviteWorkflow(CREDENTIAL, BULK, publicUrl);
		const { main } = cluster;
		await main.importCredentials([sandboxCredential(CREDENTIAL, sandbox)]);
		await main.importWorkflows([TRIGGER, BULK_FLOW, WAIT_FLOW, POLL]);
		await cluster.start();
		await main.setupOwnerAndApiKey();
		// The poll trigger first: its polls then run while the other tests do.
		for (const workflow of [POLL, TRIGGER, BULK_FLOW, WAIT_FLOW]) await main.activate(workflow.id);
		for (const index of [0, 1]) {
			for (const path of [TRIGGER_PATH, BULK_PATH, WAIT_PATH]) await main.waitForWebhook(at(index, path), 30_000);
		}
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await cluster?.stop();
		await sandbox?.close();
	}, 60_000);

	const at = (index: number, path: string, token?: string) =>
		`${cluster.webhooks[index].baseUrl}/webhook/${path}${token === undefined ? '' : `?token=${token}`}`;
	const post = (url: string, payload: unknown) =>
		fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
	const runs = (workflowId: string) => cluster.main.listExecutions(workflowId);
	const settled = async (workflowId: string, count: number) =>
		until(`${count} finished runs of ${workflowId}`, async () => {
			const list = await runs(workflowId);
			return list.length >= count && list.every((run) => run.status === 'success') ? list : undefined;
		}, 30_000);
	const workerRan = (executionId: string | number) =>
		cluster.worker.process!.lines(new RegExp(`execution ${executionId}\\b`, 'i')).length > 0;

	it('a bulk invite started on a webhook processor runs on the worker', async () => {
		const response = await post(at(1, BULK_PATH), {});
		expect(response.status).toBe(200);
		const items = (await response.json()) as Array<{ testInvitationId: number; status: string }>;
		expect(items).toHaveLength(BULK);
		invited = items.map((item) => item.testInvitationId);

		const [run] = await settled(BULK_FLOW.id, 1);
		expect(run.mode).toBe('webhook');
		expect(workerRan(run.id)).toBe(true);
		for (const id of invited) {
			const invitation = sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!;
			expect(invitation.callbackUrl).toBe(`${publicUrl}webhook/${TRIGGER_PATH}?token=${CALLBACK_SECRET}`);
		}
	}, 60_000);

	/** A Complete callback for an attempt no test has seen yet (the trigger reads no report here). */
	const freshCallback = (n: number) => ({
		...callbackPayload(sandbox.state.invitations.find((entry) => entry.testInvitationId === invited[0])!),
		TestInvitationId: 9_900_000 + n,
		Status: 'Complete',
	});

	/** The runs of the trigger workflow, split by whether the trigger emitted the callback. */
	const triggerRuns = async () => {
		const list = await runs(TRIGGER.id);
		const emitted: Array<{ id: string; testInvitationId: number }> = [];
		const empty: string[] = [];
		for (const run of list) {
			const items = nodeOutput(await cluster.main.getExecution(run.id, true), 'iMocha Trigger');
			if (items.length) emitted.push({ id: String(run.id), testInvitationId: Number(items[0].json.testInvitationId) });
			else empty.push(String(run.id));
		}
		return { emitted, empty, all: list.length };
	};

	it('callbacks to one webhook processor, then repeated to the other, emit each invitation once', async () => {
		for (const id of invited) {
			const played = await playCandidate(sandbox.state, id, 'Complete', 90);
			expect(played?.delivered).toBe(true);
		}
		const list = await settled(TRIGGER.id, BULK);
		expect(list.every((run) => workerRan(run.id))).toBe(true);

		// iMocha's retry landing on the other processor: that processor has no memory of the first
		// (its run ran on the worker), so n8n creates a run, and the claim in n8n's store stops it.
		for (const id of invited) {
			const payload = callbackPayload(sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!);
			const again = await post(at(1, TRIGGER_PATH, CALLBACK_SECRET), payload);
			expect(again.status).toBe(200);
		}
		await settled(TRIGGER.id, BULK * 2);
		const { emitted, empty } = await triggerRuns();
		expect(emitted.map((run) => run.testInvitationId).sort()).toEqual([...invited].sort());
		expect(empty).toHaveLength(BULK);
	}, 90_000);

	it('the same callback posted to both processors at the same moment is emitted once', async () => {
		const payload = freshCallback(1);
		const extra = { testInvitationId: payload.TestInvitationId };
		const before = await triggerRuns();
		const answers = await Promise.all([post(at(0, TRIGGER_PATH, CALLBACK_SECRET), payload), post(at(1, TRIGGER_PATH, CALLBACK_SECRET), payload)]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
		await settled(TRIGGER.id, before.all + 2);
		const after = await triggerRuns();
		expect(after.emitted.filter((run) => run.testInvitationId === extra.testInvitationId)).toHaveLength(1);
		expect(after.emitted).toHaveLength(before.emitted.length + 1);
		expect(after.empty).toHaveLength(before.empty.length + 1);
	}, 60_000);

	it('a callback whose run cannot be created is answered non-2xx, and its retry is not taken for a duplicate', async () => {
		const payload = freshCallback(2);
		const extra = { testInvitationId: payload.TestInvitationId };
		const before = await triggerRuns();
		// The database refuses new runs of this workflow, as a full disk or a failover would.
		await cluster.postgres.query(
			`create or replace function imocha_refuse_run() returns trigger as $$ begin raise exception 'refused by the queue-mode test'; end $$ language plpgsql;
			 create trigger imocha_refuse_run before insert on execution_entity for each row when (new."workflowId" = '${TRIGGER.id}') execute function imocha_refuse_run();`,
		);
		const refused = await post(at(0, TRIGGER_PATH, CALLBACK_SECRET), payload);
		await cluster.postgres.query('drop trigger imocha_refuse_run on execution_entity; drop function imocha_refuse_run();');
		expect(refused.status).toBeGreaterThanOrEqual(500);

		// iMocha retries (to either processor): the run is created and emits the callback.
		const retried = await post(at(1, TRIGGER_PATH, CALLBACK_SECRET), payload);
		expect(retried.status).toBe(200);
		expect(await retried.json()).toEqual({ received: true, started: true });
		await settled(TRIGGER.id, before.all + 1);
		const after = await triggerRuns();
		expect(after.emitted.filter((run) => run.testInvitationId === extra.testInvitationId)).toHaveLength(1);
	}, 60_000);

	it('Invite and Wait pauses on the worker and resumes from a callback to a webhook processor', async () => {
		const started = await post(at(1, WAIT_PATH), {});
		expect(started.status).toBe(200);
		const waiting = await until('the run to wait', async () => (await runs(WAIT_FLOW.id)).find((run) => run.status === 'waiting'), 30_000);
		const invitation = sandbox.state.invitations.find((entry) => entry.email === WAIT_EMAIL)!;
		expect(invitation.callbackUrl).toMatch(new RegExp(`^${publicUrl}webhook-waiting/${waiting.id}\\?signature=`));

		const finished = await playCandidate(sandbox.state, invitation.testInvitationId, 'Complete', 92);
		expect(finished?.delivered).toBe(true);
		const [done] = await settled(WAIT_FLOW.id, 1);
		expect(done.id).toBe(waiting.id);
		expect(workerRan(done.id)).toBe(true);
		const [result] = nodeOutput(await cluster.main.getExecution(done.id, true), 'iMocha');
		expect(result.json).toMatchObject({ testInvitationId: invitation.testInvitationId, status: 'Complete', CandidateScore: 92 });
	}, 60_000);

	it('the poll trigger (on the main) emits each completed attempt once, across polls', async () => {
		const { main } = cluster;
		const emitted = async () => {
			const list = (await runs(POLL.id)).filter((run) => run.status === 'success');
			const items = await Promise.all(list.map(async (run) => nodeOutput(await main.getExecution(run.id, true), 'iMocha Poll Trigger')));
			return items.flat().map((item) => Number(item.json.testInvitationId));
		};
		// n8n polls once on every activation, then once a minute: re-activating polls now.
		const pollNow = async () => {
			await main.deactivate(POLL.id);
			await main.activate(POLL.id);
		};
		const completed = [...invited, sandbox.state.invitations.find((entry) => entry.email === WAIT_EMAIL)!.testInvitationId];
		await pollNow();
		await until('the poll trigger to emit the completed attempts', async () => {
			const ids = await emitted();
			return completed.every((id) => ids.includes(id)) ? ids : undefined;
		}, 50_000);
		// Another poll over the same window (60-minute overlap) emits none of them again.
		await pollNow();
		await sleep(SETTLE_MS * 2);
		const ids = await emitted();
		for (const id of completed) expect({ id, times: ids.filter((entry) => entry === id).length }).toEqual({ id, times: 1 });
		expect(new Set(ids).size).toBe(ids.length);
	}, 120_000);
});
