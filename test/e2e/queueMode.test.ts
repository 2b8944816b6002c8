/**
 * The package in n8n's queue mode: PostgreSQL + Redis (private instances on 127.0.0.1, installed
 * from Debian when missing), one main, one worker, two webhook processors, against the sandbox.
 * Proves what works today; the checks that need the trigger's part-B changes (issue 14) are
 * kept, skipped, with the reason.
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

	it('callbacks to one webhook processor, then repeated to the other, start one run per invitation', async () => {
		for (const id of invited) {
			const played = await playCandidate(sandbox.state, id, 'Complete', 90);
			expect(played?.delivered).toBe(true);
		}
		const list = await settled(TRIGGER.id, BULK);
		expect(list.every((run) => workerRan(run.id))).toBe(true);

		// iMocha's retry landing on the other processor: the de-dup memory is in the database's static data.
		for (const id of invited) {
			const payload = callbackPayload(sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!);
			const again = await post(at(1, TRIGGER_PATH, CALLBACK_SECRET), payload);
			expect(again.status).toBe(200);
			expect(await again.json()).toMatchObject({ received: true, started: false, reason: 'duplicate' });
		}
		await sleep(SETTLE_MS);
		const ids = (await runs(TRIGGER.id)).map((run) => run.id).sort();
		expect(ids).toEqual(list.map((run) => run.id).sort());
		const items = await Promise.all(ids.map(async (id) => nodeOutput(await cluster.main.getExecution(id, true), 'iMocha Trigger')[0].json));
		expect(items.map((item) => item.testInvitationId).sort()).toEqual([...invited].sort());
	}, 90_000);

	// Issue 14 part B: de-duplication lives in static data that each webhook processor reads before
	// and saves after a request, without a lock: the same callback at the same moment on both
	// processors starts two runs (measured: 2 runs). Enable once de-dup is shared atomically.
	it.skip('the same callback posted to both processors at the same moment starts one run', async () => {
		const [extra] = (await (await post(at(0, BULK_PATH), {})).json()) as Array<{ testInvitationId: number }>;
		const invitation = sandbox.state.invitations.find((entry) => entry.testInvitationId === extra.testInvitationId)!;
		invitation.status = 'Complete';
		const before = (await runs(TRIGGER.id)).length;
		const payload = callbackPayload(invitation);
		await Promise.all([post(at(0, TRIGGER_PATH, CALLBACK_SECRET), payload), post(at(1, TRIGGER_PATH, CALLBACK_SECRET), payload)]);
		await sleep(SETTLE_MS);
		expect((await runs(TRIGGER.id)).length).toBe(before + 1);
	});

	// Issue 14 part B: the trigger answers 200 itself before n8n has created (enqueued) the run, so
	// a run that fails to start is lost and iMocha, having had its 200, never retries. The check:
	// with Redis down, a callback must be answered non-2xx. Enable once the trigger answers after
	// the run exists.
	it.skip('a callback whose run cannot be queued is answered non-2xx, so iMocha retries it', () => {});

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
		}, 30_000);
		// Another poll over the same window (60-minute overlap) emits none of them again.
		await pollNow();
		await sleep(SETTLE_MS * 2);
		const ids = await emitted();
		for (const id of completed) expect({ id, times: ids.filter((entry) => entry === id).length }).toEqual({ id, times: 1 });
		expect(new Set(ids).size).toBe(ids.length);
	}, 90_000);
});
