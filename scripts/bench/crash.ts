/**
 * Crash test: n8n in queue mode (main + worker + 2 webhook processors, PostgreSQL + Redis), an
 * active iMocha Trigger workflow, N completed-attempt callbacks sent the way iMocha sends them
 * (one try, then 5 back-to-back retries on failure; C at a time, alternating between the two
 * webhook processors as a load balancer would). Once BENCH_CRASH_AFTER callbacks were answered
 * 2xx (default: 30%), every n8n process gets SIGKILL, then
 * the cluster is restarted while the burst goes on. Then the recovery the README gives users
 * ("After n8n was down"): retry the workflow's crashed runs, then Replay Missed Results over the
 * crash window. Finally: how many runs emitted each invitation, before and after the recovery.
 *
 *   npm run bench:crash
 *   BENCH_CALLBACKS=1000 BENCH_CONCURRENCY=20 BENCH_CRASH_AFTER=300 npx tsx scripts/bench/crash.ts
 *
 * PostgreSQL and Redis are installed from Debian when missing (root) and stop with the script.
 * A measurement, not a test: it asserts nothing and exits 0 whatever it counts.
 */
import * as path from 'node:path';

import { sandboxCredentialImport } from '../../sandbox/credential';
import { startSandbox } from '../../sandbox/server';
import { cacheRoot, ensureRuntime, N8N_VERSION } from '../n8n/runtime';
import { QueueCluster } from '../queue/cluster';
import { completedInvitation, postCallbacks } from './callbackLoad';
import { seconds, sleep } from './measure';

const N = Number(process.env.BENCH_CALLBACKS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const CRASH_AFTER = Number(process.env.BENCH_CRASH_AFTER ?? Math.round(N * 0.3));
const CREDENTIAL = { id: 'crashTestCred001', name: 'iMocha sandbox (crash test)' };
const SECRET = 'crash-secret';
const TRIGGER_PATH = 'crash-callbacks';
const REPLAY_PATH = 'crash-replay-missed';
const FIRST_ID = 6_000_001;

const log = (msg: string) => process.stderr.write(`[crash] ${msg}\n`);
const root = path.resolve(__dirname, '..', '..');

const TRIGGER_FLOW = {
	id: 'crashTrigger0001',
	name: 'crash test: iMocha Trigger',
	active: false,
	// As the README recommends for this workflow: n8n saves each node's output as the run goes, so
	// a run killed after its trigger step keeps the callback, and retrying it goes on from there.
	settings: { executionOrder: 'v1', saveExecutionProgress: true },
	nodes: [
		{
			id: 'c7a50000-0000-4000-8000-000000000001',
			name: 'iMocha Trigger',
			type: 'n8n-nodes-imocha.imochaTrigger',
			typeVersion: 1.1,
			position: [0, 0],
			webhookId: 'c7a50000-0000-4000-8000-0000000000a1',
			parameters: { path: TRIGGER_PATH, filters: {}, options: {} },
			credentials: { imochaApi: CREDENTIAL },
		},
		{ id: 'c7a50000-0000-4000-8000-000000000002', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { 'iMocha Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
};

/** Webhook -> iMocha Callback > Replay Missed Results over the window posted as {start, end}. */
const REPLAY_FLOW = {
	id: 'crashReplay00001',
	name: 'crash test: Replay Missed Results',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'c7a50000-0000-4000-8000-000000000011',
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'c7a50000-0000-4000-8000-0000000000b1',
			parameters: { httpMethod: 'POST', path: REPLAY_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		{
			id: 'c7a50000-0000-4000-8000-000000000012',
			name: 'Replay Missed Results',
			type: 'n8n-nodes-imocha.imocha',
			typeVersion: 1.1,
			position: [220, 0],
			parameters: { resource: 'callback', operation: 'replayMissed', startDateTime: '={{ $json.body.start }}', endDateTime: '={{ $json.body.end }}' },
			credentials: { imochaApi: CREDENTIAL },
		},
	],
	connections: { Start: { main: [[{ node: 'Replay Missed Results', type: 'main', index: 0 }]] } },
};

/**
 * The invitation IDs one execution's trigger step emitted, over all its runs of that step. A
 * retried crashed execution has two: n8n's recovery puts a placeholder item
 * (`isArtificialRecoveredEventItem`) as run 0 when the event log says the step finished but its
 * output was never saved, and the retry runs the step again, with the original callback, as run 1
 * (n8n 2.40.7 `executions/execution-recovery.service.js` `amend`, n8n-core `workflow-execute.js`).
 */
function emittedIds(runData: any): number[] {
	const runs: any[] = runData?.['iMocha Trigger'] ?? [];
	return runs
		.flatMap((run) => run?.data?.main?.[0] ?? [])
		.filter((item: any) => item?.json && !item.json.isArtificialRecoveredEventItem)
		.map((item: any) => Number(item.json.testInvitationId));
}

/** Runs of the trigger workflow per status, and per invitation ID (from each run's trigger output). */
async function countRuns(cluster: QueueCluster): Promise<{ byStatus: Record<string, number>; perInvitation: Map<number, number> }> {
	// n8n stores run data in the `flatted` format; its own copy of the library reads it back.
	const flatted = require(path.join(cacheRoot(), `n8n-${N8N_VERSION}`, 'node_modules', 'flatted')) as { parse(text: string): any };
	const rows = await cluster.postgres.query(
		`select e.status, d.data from execution_entity e left join execution_data d on d."executionId" = e.id where e."workflowId" = '${TRIGGER_FLOW.id}'`,
	);
	const byStatus: Record<string, number> = {};
	const perInvitation = new Map<number, number>();
	for (const [status, data] of rows) {
		byStatus[status] = (byStatus[status] ?? 0) + 1;
		if (status !== 'success' || !data) continue;
		// A repeat's run emits nothing from the trigger: it is no run of that invitation.
		for (const id of emittedIds(flatted.parse(data)?.resultData?.runData)) perInvitation.set(id, (perInvitation.get(id) ?? 0) + 1);
	}
	return { byStatus, perInvitation };
}

/**
 * Waits until the number of trigger runs has not changed for `quietMs` and none is open (the
 * queue drained). Runs the killed worker held stay "running" (and queued jobs it had taken stay
 * "new") for good, so after the crash `openLeft` of them may remain.
 */
async function waitForQuiet(cluster: QueueCluster, openLeft = 0, quietMs = 15_000, timeoutMs = 5 * 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	let since = Date.now();
	while (Date.now() < deadline) {
		const [[count, open]] = await cluster.postgres.query(
			`select count(*), sum(case when status in ('new', 'running') then 1 else 0 end) from execution_entity where "workflowId" = '${TRIGGER_FLOW.id}'`,
		);
		const key = `${count}/${open}`;
		if (key !== last) {
			last = key;
			since = Date.now();
		} else if (Number(open ?? 0) <= openLeft && Date.now() - since > quietMs) {
			return;
		}
		await sleep(1000);
	}
	log(`runs still changing after ${timeoutMs / 1000} s (count/open: ${last})`);
}

/** One line per run that did not finish or was a retry: status, mode, what the trigger emitted, the nodes that ran. */
async function unfinished(cluster: QueueCluster): Promise<string> {
	const flatted = require(path.join(cacheRoot(), `n8n-${N8N_VERSION}`, 'node_modules', 'flatted')) as { parse(text: string): any };
	const rows = await cluster.postgres.query(
		`select e.id, e.status, e.mode, e."retryOf", d.data from execution_entity e left join execution_data d on d."executionId" = e.id where e."workflowId" = '${TRIGGER_FLOW.id}' and (e.status <> 'success' or e."retryOf" is not null) order by e.id`,
	);
	return rows
		.map(([id, status, mode, retryOf, data]) => {
			const parsed = data ? flatted.parse(data) : undefined;
			const runData = parsed?.resultData?.runData ?? {};
			const emitted = emittedIds(runData);
			const placeholder = (runData['iMocha Trigger'] ?? []).some((run: any) => run?.data?.main?.[0]?.some((item: any) => item?.json?.isArtificialRecoveredEventItem));
			const input = parsed?.executionData?.nodeExecutionStack?.[0]?.data?.main?.[0]?.map((item: any) => item.json?.testInvitationId);
			return `  ${id} ${status} ${mode}${retryOf ? ` retryOf=${retryOf}` : ''} nodes=[${Object.keys(runData).join(',')}] emitted=${JSON.stringify(emitted)}${placeholder ? ' (after a recovery placeholder)' : ''} stackInput=${JSON.stringify(input)}`;
		})
		.join('\n');
}

/**
 * What the README tells users to do after n8n was down: retry the trigger workflow's runs that
 * did not finish (n8n shows them as crashed, or as running for good: the killed worker held them),
 * then Replay Missed Results from the outage's start. Queued runs the worker had taken stay "new"
 * (n8n cannot retry those); they never ran, so nothing claimed their callbacks and the replay
 * brings them back.
 * Retried runs emit and claim; the replay then re-sends every callback, and only those no run
 * claimed yet are emitted.
 */
async function recover(cluster: QueueCluster, windowStart: string): Promise<{ retried: number; replayed: number }> {
	const rows = await cluster.postgres.query(
		`select id from execution_entity where "workflowId" = '${TRIGGER_FLOW.id}' and status in ('crashed', 'error', 'running') and "retrySuccessId" is null and "retryOf" is null order by id`,
	);
	for (const [id] of rows) await cluster.main.api('POST', `/executions/${id}/retry`, { loadWorkflow: false });
	log(`retried ${rows.length} runs that did not finish`);
	await waitForQuiet(cluster, Number.MAX_SAFE_INTEGER);
	const response = await fetch(`${cluster.webhooks[0].baseUrl}/webhook/${REPLAY_PATH}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ start: windowStart, end: new Date().toISOString() }),
		signal: AbortSignal.timeout(120_000),
	});
	const [result] = (await response.json()) as Array<{ scheduled?: number[]; failed?: number[] }>;
	log(`Replay Missed Results: HTTP ${response.status}, ${result?.scheduled?.length ?? 0} scheduled, ${result?.failed?.length ?? 0} failed`);
	return { retried: rows.length, replayed: result?.scheduled?.length ?? 0 };
}

async function main(): Promise<void> {
	const started = Date.now();
	await ensureRuntime(log);
	const sandbox = await startSandbox({ maxLifetimeMs: 60 * 60_000 });
	const cluster = await QueueCluster.create({ packageRoot: root, log });
	try {
		await cluster.main.importCredentials([sandboxCredentialImport(CREDENTIAL, sandbox.url, SECRET)]);
		await cluster.main.importWorkflows([TRIGGER_FLOW, REPLAY_FLOW]);
		await cluster.start();
		await cluster.main.setupOwnerAndApiKey();
		await cluster.main.activate(TRIGGER_FLOW.id);
		await cluster.main.activate(REPLAY_FLOW.id);
		const url = (index: number) => `${cluster.webhooks[index].baseUrl}/webhook/${TRIGGER_PATH}`;
		for (const index of [0, 1]) await cluster.main.waitForWebhook(url(index), 30_000);

		const ids = Array.from({ length: N }, (_, i) => FIRST_ID + i);
		// The attempts exist at "iMocha" too, with the callback URL they were invited with: Replay
		// Missed Results finds them (Retrieve Invites) and has them sent again (Process Callbacks).
		const windowStart = new Date(Date.now() - 60_000).toISOString();
		sandbox.state.invitations.push(...ids.map((id) => completedInvitation(id, `${url(id % 2)}?token=${SECRET}`)));
		log(`posting ${N} callbacks, ${CONCURRENCY} at a time, iMocha-style retries; SIGKILL of every n8n process after ${CRASH_AFTER} answered`);
		let cue: () => void = () => {};
		const crashTime = new Promise<void>((resolve) => (cue = resolve));
		const burst = postCallbacks(ids, (id) => `${url(id % 2)}?token=${SECRET}`, CONCURRENCY, (count) => {
			if (count >= CRASH_AFTER) cue();
		});
		// A burst that never reaches the cue (all refused) still ends the wait.
		await Promise.race([crashTime, burst]);
		const crashedAt = Date.now();
		cluster.crash();
		log('SIGKILL sent to main, worker and both webhook processors; restarting');
		await cluster.restart();
		const downMs = Date.now() - crashedAt;
		log(`cluster back after ${seconds(downMs)} s`);
		const load = await burst;
		log(`burst done in ${seconds(load.answeredMs)} s: ${load.delivered} delivered (2xx), ${load.retried} needed retries, ${load.undelivered} given up after 6 attempts`);
		await waitForQuiet(cluster, Number.MAX_SAFE_INTEGER);

		const before = await countRuns(cluster);
		const recovery = await recover(cluster, windowStart);
		await waitForQuiet(cluster, Number.MAX_SAFE_INTEGER);
		const after = await countRuns(cluster);
		const lostIds = ids.filter((id) => !after.perInvitation.has(id));
		if (lostIds.length) log(`lost after recovery: ${lostIds.join(', ')}`);
		const tally = ({ perInvitation }: typeof after) => ({
			lost: ids.filter((id) => !perInvitation.has(id)).length,
			duplicated: ids.filter((id) => (perInvitation.get(id) ?? 0) > 1).length,
		});
		console.log(`\nCrash test: ${N} callbacks, ${CONCURRENCY} at a time, SIGKILL of every n8n process after ${CRASH_AFTER} answered, down ${seconds(downMs)} s (queue mode):\n`);
		console.log('| When | exactly 1 run | 0 runs (lost) | >1 run (duplicated) | runs by status |');
		console.log('|---|---|---|---|---|');
		for (const [label, counts] of [['before recovery', before], ['after recovery', after]] as const) {
			const { lost, duplicated } = tally(counts);
			const statuses = Object.entries(counts.byStatus).map(([status, count]) => `${status} ${count}`).join(', ');
			console.log(`| ${label} | ${N - lost - duplicated} | ${lost} | ${duplicated} | ${statuses} |`);
		}
		console.log(`\nRuns that did not finish, and their retries:\n${await unfinished(cluster)}`);
		console.log(`\nBurst: ${load.delivered} answered 2xx, ${load.retried} needed retries, ${load.undelivered} given up after 6 attempts.`);
		console.log(`Recovery: ${recovery.retried} crashed or failed runs retried; Replay Missed Results scheduled ${recovery.replayed} callbacks.`);
	} finally {
		await cluster.stop();
		await sandbox.close();
	}
	log(`done in ${seconds(Date.now() - started)} s`);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
