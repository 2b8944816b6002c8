/**
 * Trigger throughput on one regular n8n (SQLite): N completed-attempt callbacks, C at a time,
 * to n8n's own Webhook node and to the iMocha Trigger, side by side. Measures the time to answer
 * them all and the time from the first post to the last run finished (from the database).
 *
 *   npm run bench:trigger
 *   BENCH_CALLBACKS=1000 BENCH_CONCURRENCY=20 BENCH_PROFILE=1 npx tsx scripts/bench/trigger.ts
 *
 * BENCH_N8N_ENV='{"N8N_EXPRESSION_ENGINE_POOL_SIZE":"8"}' adds environment to n8n (to compare n8n settings).
 * BENCH_PROFILE=1 runs n8n under Node's --cpu-prof and prints where the CPU time went (see
 * ./profile.ts); the .cpuprofile files stay in build/profiles for Chrome DevTools.
 * A measurement, not a test: it asserts nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { sandboxCredentialImport } from '../../sandbox/credential';
import { startSandbox } from '../../sandbox/server';
import { N8nInstance } from '../n8n/instance';
import { postCallbacks } from './callbackLoad';
import { sql } from './executions';
import { seconds, sleep } from './measure';
import { summarize } from './profile';

const N = Number(process.env.BENCH_CALLBACKS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const PROFILE = process.env.BENCH_PROFILE === '1';
const N8N_ENV = JSON.parse(process.env.BENCH_N8N_ENV ?? '{}') as Record<string, string>;
const CREDENTIAL = { id: 'benchTrigCred001', name: 'iMocha sandbox (trigger bench)' };
const SECRET = 'bench-secret';
const TRIGGER_PATH = 'bench-trigger-callbacks';
const WEBHOOK_PATH = 'bench-webhook-callbacks';

const log = (msg: string) => process.stderr.write(`[bench:trigger] ${msg}\n`);
const root = path.resolve(__dirname, '..', '..');

const noOp = (name: string) => ({ id: `${name}-done`, name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} });
const linkTo = (from: string) => ({ [from]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } });

/** The iMocha Trigger at one node version: 1.1 is what the editor adds, 1 what older workflows keep. */
const triggerPath = (suffix: string) => `${TRIGGER_PATH}-${suffix}`;
const triggerFlow = (typeVersion: number, suffix: string) => ({
	id: `benchTrigImocha${suffix}`,
	name: `bench: iMocha Trigger ${typeVersion}`,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: `b7e1c000-0000-4000-8000-00000000000${suffix}`,
			name: 'iMocha Trigger',
			type: 'n8n-nodes-imocha.imochaTrigger',
			typeVersion,
			position: [0, 0],
			webhookId: `b7e1c000-0000-4000-8000-0000000000a${suffix}`,
			parameters: { path: triggerPath(suffix), filters: {}, options: {} },
			credentials: { imochaApi: CREDENTIAL },
		},
		noOp('trigger'),
	],
	connections: linkTo('iMocha Trigger'),
});
const TRIGGER_FLOWS = [
	{ flow: triggerFlow(1.1, '1'), path: triggerPath('1'), label: 'iMocha Trigger 1.1 (new nodes)' },
	{ flow: triggerFlow(1, '3'), path: triggerPath('3'), label: 'iMocha Trigger 1 (older workflows)' },
];

/** n8n's own Webhook node, answering on receipt: the baseline every webhook trigger pays. */
const WEBHOOK_FLOW = {
	id: 'benchTrigWebhook',
	name: 'bench: n8n Webhook node',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'b7e1c000-0000-4000-8000-000000000002',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'b7e1c000-0000-4000-8000-0000000000a2',
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', responseData: 'noData', options: {} },
		},
		noOp('webhook'),
	],
	connections: linkTo('Webhook'),
};

interface Row {
	label: string;
	answeredMs: number;
	finishedMs: number;
	runs: number;
	undelivered: number;
}

/** Waits until the workflow has `count` finished runs; returns the last one's stop time (epoch ms). */
async function lastRunFinished(n8n: N8nInstance, workflowId: string, count: number): Promise<{ runs: number; stoppedAt: number }> {
	const deadline = Date.now() + 10 * 60_000;
	let runs = 0;
	for (;;) {
		const [total, finished, last] = sql(
			n8n,
			`select count(*), sum(case when stoppedAt is not null then 1 else 0 end), max(stoppedAt) from execution_entity where workflowId = '${workflowId}';`,
		)
			.trim()
			.split('|');
		runs = Number(total);
		if (runs >= count && Number(finished) === runs) return { runs, stoppedAt: Date.parse(`${last.replace(' ', 'T')}Z`) };
		if (Date.now() > deadline) return { runs, stoppedAt: NaN };
		await sleep(250);
	}
}

async function measure(n8n: N8nInstance, label: string, workflowId: string, url: string, firstId: number): Promise<Row> {
	await n8n.waitForWebhook(url.replace(/\?.*$/, ''));
	const ids = Array.from({ length: N }, (_, i) => firstId + i);
	log(`${label}: posting ${N} callbacks, ${CONCURRENCY} at a time`);
	const load = await postCallbacks(ids, () => url, CONCURRENCY);
	const done = await lastRunFinished(n8n, workflowId, load.delivered);
	const row = { label, answeredMs: load.answeredMs, finishedMs: done.stoppedAt - load.startedAt, runs: done.runs, undelivered: load.undelivered };
	log(`  ${JSON.stringify(row)}`);
	return row;
}

async function main(): Promise<void> {
	const started = Date.now();
	const profileDir = path.join(root, 'build', 'profiles', `trigger-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	const sandbox = await startSandbox({ maxLifetimeMs: 30 * 60_000 });
	const n8n = await N8nInstance.create({
		packageRoot: root,
		log,
		extraEnv: { ...N8N_ENV, ...(PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}) },
	});
	const rows: Row[] = [];
	try {
		await n8n.importCredentials([sandboxCredentialImport(CREDENTIAL, sandbox.url, SECRET)]);
		await n8n.importWorkflows([WEBHOOK_FLOW, ...TRIGGER_FLOWS.map(({ flow }) => flow)]);
		await n8n.publish(WEBHOOK_FLOW.id);
		for (const { flow } of TRIGGER_FLOWS) await n8n.publish(flow.id);
		// The CLI commands above ran under --cpu-prof too: keep only the server's profiles.
		fs.rmSync(profileDir, { recursive: true, force: true });
		await n8n.start();
		rows.push(await measure(n8n, "n8n's Webhook node", WEBHOOK_FLOW.id, `${n8n.baseUrl}/webhook/${WEBHOOK_PATH}`, 8_000_001));
		for (const [index, { flow, path: triggerPathOf, label }] of TRIGGER_FLOWS.entries()) {
			const url = `${n8n.baseUrl}/webhook/${triggerPathOf}?token=${SECRET}`;
			rows.push(await measure(n8n, label, flow.id, url, 9_000_001 + index * 1_000_000));
		}
	} finally {
		// A clean stop: Node writes the CPU profiles when n8n exits.
		await n8n.stop();
		await sandbox.close();
	}
	const [base] = rows;
	console.log(`\n${N} callbacks, ${CONCURRENCY} at a time, one n8n (SQLite), extra n8n environment ${JSON.stringify(N8N_ENV)}:\n`);
	console.log('| Target | All answered | First post -> last run finished | Runs | Undelivered |');
	console.log('|---|---|---|---|---|');
	for (const row of rows) {
		const ratio = (value: number, of: number) => (row === base ? '' : ` (${(value / of).toFixed(2)}x)`);
		console.log(
			`| ${row.label} | ${seconds(row.answeredMs)} s${ratio(row.answeredMs, base.answeredMs)} | ${seconds(row.finishedMs)} s${ratio(row.finishedMs, base.finishedMs)} | ${row.runs} | ${row.undelivered} |`,
		);
	}
	if (PROFILE && fs.existsSync(profileDir)) console.log(`\n${summarize(profileDir)}`);
	log(`done in ${seconds(Date.now() - started)} s`);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
