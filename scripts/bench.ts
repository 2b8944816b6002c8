/**
 * `npm run bench`: bulk work at iMocha's rate limit, in a real n8n against the sandbox.
 *
 * Invites: for every rate limit R (5, 20, 100 requests/s), window (fixed, sliding) and latency
 * (100, 400 ms), N = R x BENCH_SECONDS invites (so N / R is the same for every row) through this
 * node at its defaults, the HTTP Request node at its defaults, and the HTTP Request node batching
 * 20 per 1000 ms. The sandbox never tells clients its limit; a 429 carries Retry-After in whole
 * seconds, as a gateway sends it. "Time" is the Invite node's own execution time as n8n records it
 * (first item in to last item out), so n8n's start-up is not counted.
 * Then Report > Get Many with Return All over 50,000 reports, and (unless BENCH_CALLBACKS=0)
 * 1,000 callbacks posted to an active iMocha Trigger workflow.
 * Prints markdown tables. A benchmark, not a test: it asserts nothing and is not in `npm test`.
 */
import * as os from 'node:os';
import * as path from 'node:path';

import { BULK_WINDOW } from '../sandbox/bulk';
import { sandboxCredentialImport } from '../sandbox/credential';
import { SANDBOX_API_KEY } from '../sandbox/seed';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { N8nInstance } from './n8n/instance';
import { latestRun, sql } from './bench/executions';
import { inParallel, seconds, sleep, withMemory } from './bench/measure';
import { INVITE_VARIANTS, inviteMatrix, type InviteCase } from './bench/matrix';
import {
	CALLBACK_SECRET,
	CREDENTIAL,
	returnAllWorkflow,
	TEST_ID,
	TRIGGER_PATH,
	triggerWorkflow,
} from './bench/workflows';

/** Every row runs for about N / R = this many seconds. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 50_000);
const CALLBACKS = Number(process.env.BENCH_CALLBACKS ?? 1000);
/** How many of the callbacks are posted a second time, to show de-duplication (all would double the run). */
const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 250);
/** Only these rates, e.g. BENCH_RATES=5,20 (all three by default). */
const RATES = (process.env.BENCH_RATES ?? '5,20,100').split(',').map(Number);
/** Only these invite variants, e.g. BENCH_VARIANTS=node (keys in scripts/bench/matrix.ts; all by default). */
const VARIANTS = INVITE_VARIANTS.filter((variant) => (process.env.BENCH_VARIANTS ?? 'node,http,batch').split(',').includes(variant.key));
const PAGE_SIZE = 100;
const CALLBACK_CONCURRENCY = 20;
/** Return All and callbacks run against an unlimited sandbox with this latency. */
const LATENCY_MS = 100;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const inviteRows: string[][] = [];
/** The 1-minute load average after every run: the machine is shared, so timings depend on it. */
const loads: number[] = [];
const sampleLoad = () => {
	const load = os.loadavg()[0];
	loads.push(load);
	return load.toFixed(1);
};
const loadDuring = () => (loads.length ? `${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}` : 'not sampled');
const rows: string[][] = [];

interface InviteResult {
	nodeMs: number;
	lost: number;
	duplicated: number;
	calls: number;
	refusals: number;
	status: string;
}

async function main(): Promise<void> {
	const started = Date.now();
	const root = path.resolve(__dirname, '..');
	const sandbox = await startSandbox({ reports: REPORTS, maxLifetimeMs: 90 * 60_000 });
	log(`sandbox on ${sandbox.url}, ${REPORTS} extra reports`);
	const n8n = await N8nInstance.create({ packageRoot: root, log });
	try {
		await n8n.importCredentials([sandboxCredentialImport(CREDENTIAL, sandbox.url, CALLBACK_SECRET)]);
		for (const row of inviteMatrix(RATES, SECONDS)) await benchInviteRow(n8n, sandbox, row);
		sandbox.faults.reset();
		sandbox.faults.configure({ latencyMs: LATENCY_MS });
		await benchReturnAll(n8n, sandbox);
		if (CALLBACKS > 0) await benchCallbacks(n8n);
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
	printTables();
	log(`done in ${seconds(Date.now() - started)} s`);
}

async function benchInviteRow(n8n: N8nInstance, sandbox: Sandbox, row: InviteCase): Promise<void> {
	const ideal = (row.count / row.rate) * 1000;
	const cells = [`${row.rate}/s`, row.window, `${row.latencyMs} ms`, String(row.count)];
	for (const variant of VARIANTS) {
		sandbox.faults.reset();
		sandbox.faults.configure({
			latencyMs: row.latencyMs,
			rateLimitPerSecond: row.rate,
			rateWindow: row.window,
			retryAfter: true,
			retryAfterWholeSeconds: true,
		});
		const prefix = `${variant.key}-${row.rate}-${row.window[0]}-${row.latencyMs}`;
		const result = await runInvites(n8n, sandbox, row, prefix, (id) => variant.workflow(id, prefix, row.count, sandbox.url, SANDBOX_API_KEY));
		const load = sampleLoad();
		cells.push(
			`${(result.nodeMs / ideal).toFixed(2)}x (${seconds(result.nodeMs)} s), ${result.lost} lost, ${result.duplicated} dup, ${result.refusals} x 429, load ${load}${result.status === 'success' ? '' : ` (${result.status})`}`,
		);
	}
	inviteRows.push(cells);
}

async function runInvites(
	n8n: N8nInstance,
	sandbox: Sandbox,
	row: InviteCase,
	prefix: string,
	build: (id: string) => object,
): Promise<InviteResult> {
	const id = `bench${prefix.replace(/[^a-z0-9]/gi, '')}`.slice(0, 16).padEnd(16, '0');
	await n8n.importWorkflows([build(id)]);
	// A fresh rate-limit window for every run.
	await sleep(1500);
	const before = sandbox.requests.length;
	log(`running ${prefix} (${row.count} invites)`);
	const run = await n8n.execute(id);
	const task = run.result?.data?.resultData?.runData?.Invite?.[0] ?? latestRun(n8n, id)?.data?.resultData?.runData?.Invite?.[0];
	const ours = sandbox.state.invitations.filter((entry) => entry.email.startsWith(`${prefix}-`) && entry.testId === TEST_ID);
	const emails = new Set(ours.map((entry) => entry.email));
	const calls = sandbox.requests.slice(before).filter((request) => request.path === `/v3/tests/${TEST_ID}/invite`).length;
	const status = run.result?.status ?? `exit ${run.code}`;
	const error = task?.error?.message ?? run.result?.data?.resultData?.error?.message;
	const result: InviteResult = {
		nodeMs: Number(task?.executionTime ?? NaN),
		lost: row.count - emails.size,
		duplicated: ours.length - emails.size,
		calls,
		refusals: sandbox.faults.refusedCount,
		status: error ? `${status}: ${String(error).slice(0, 40)}` : status,
	};
	log(`  ${JSON.stringify(result)}`);
	const invites = sandbox.requests.slice(before).filter((request) => request.path === `/v3/tests/${TEST_ID}/invite`);
	// n8n records when the node started: the time before its first call is validation and set-up.
	const startedAt = Number(task?.startTime ?? NaN);
	log(`  first call ${invites.length ? invites[0].at - startedAt : NaN} ms after the node started, last one ${invites.length ? startedAt + result.nodeMs - invites[invites.length - 1].at : NaN} ms before it ended`);
	log(`  accepted/429 per second: ${perSecond(invites)}`);
	return result;
}

/** Where a run's time went: the invite calls the sandbox accepted and refused in each second. */
function perSecond(invites: Sandbox['requests']): string {
	if (!invites.length) return '-';
	const first = invites[0].at;
	const bins: Array<[number, number]> = [];
	for (const request of invites) {
		const bin = (bins[Math.floor((request.at - first) / 1000)] ??= [0, 0]);
		bin[request.status === 429 ? 1 : 0] += 1;
	}
	return Array.from(bins, (bin) => (bin ? `${bin[0]}/${bin[1]}` : '0/0')).join(' ');
}

async function benchReturnAll(n8n: N8nInstance, sandbox: Sandbox): Promise<void> {
	const pages = Math.ceil(REPORTS / PAGE_SIZE);
	await n8n.importWorkflows([returnAllWorkflow('benchReturnAll01', BULK_WINDOW, true), returnAllWorkflow('benchOnePage0001', BULK_WINDOW, false)]);
	const rtt = await singlePageRoundTrip(sandbox, pages);
	await sleep(1500);
	log('running Return All');
	const before = sandbox.requests.length;
	const { peakProcessMb, peakTreeMb } = await withMemory(() => n8n.execute('benchReturnAll01'), 250);
	// 50,000 items are more than `n8n execute` manages to print before it exits: read the database.
	const task = latestRun(n8n, 'benchReturnAll01')?.data?.resultData?.runData?.Reports?.[0];
	const count = task?.data?.main?.[0]?.length ?? 0;
	const calls = sandbox.requests.slice(before).length;
	const nodeMs = Number(task?.executionTime ?? NaN);
	// The same page through the node, for the node's own per-call cost.
	await n8n.execute('benchOnePage0001');
	const nodeOnePage = Number(latestRun(n8n, 'benchOnePage0001')?.data?.resultData?.runData?.Reports?.[0]?.executionTime ?? NaN);
	const ideal = pages * rtt;
	log(`  Return All: ${count} items, ${calls} calls, ${nodeMs} ms; page RTT ${rtt.toFixed(0)} ms; node one page ${nodeOnePage} ms`);
	rows.push([
		`Return All over ${REPORTS} reports (${pages} pages of ${PAGE_SIZE})`,
		`${seconds(nodeMs)} s`,
		`${(nodeMs / ideal).toFixed(2)}x of pages x round trip = ${pages} x ${rtt.toFixed(0)} ms = ${seconds(ideal)} s`,
		`${count} items returned, ${calls} calls`,
		`peak memory: n8n process ${peakProcessMb.toFixed(0)} MB (VmHWM), with task runner ${peakTreeMb.toFixed(0)} MB; a run of the node for one page alone, set-up included: ${nodeOnePage} ms; load ${sampleLoad()}`,
	]);
}

/** Median time for one page of 100 straight from the sandbox, spread over the list. */
async function singlePageRoundTrip(sandbox: Sandbox, pages: number): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < 7; i++) {
		const page = 1 + Math.floor((i * pages) / 7);
		const url = `${sandbox.url}/v3/reports?PageNo=${page}&PageSize=${PAGE_SIZE}&startDate=${BULK_WINDOW.start}&endDate=${BULK_WINDOW.end}`;
		const start = performance.now();
		const response = await fetch(url, { headers: { 'X-API-KEY': SANDBOX_API_KEY } });
		await response.json();
		times.push(performance.now() - start);
		await sleep(100);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

async function benchCallbacks(n8n: N8nInstance): Promise<void> {
	const workflowId = 'benchTrigger0001';
	await n8n.importWorkflows([triggerWorkflow(workflowId)]);
	await n8n.publish(workflowId);
	await n8n.start();
	const url = `${n8n.baseUrl}/webhook/${TRIGGER_PATH}?token=${CALLBACK_SECRET}`;
	await n8n.waitForWebhook(url.replace(/\?.*$/, ''));
	const ids = Array.from({ length: CALLBACKS }, (_, i) => 7_000_001 + i);
	const answers = { started: 0, duplicate: 0, other: 0, failed: 0 };
	const post = async (id: number) => {
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(callbackPayload(id)),
			});
			const body = (await response.json().catch(() => ({}))) as { started?: boolean; reason?: string };
			if (!response.ok) answers.failed += 1;
			else if (body.started) answers.started += 1;
			else if (body.reason === 'duplicate') answers.duplicate += 1;
			else answers.other += 1;
		} catch {
			answers.failed += 1;
		}
	};
	log(`posting ${CALLBACKS} callbacks, ${CALLBACK_CONCURRENCY} at a time, then ${REPLAYS} of them again`);
	const start = Date.now();
	await inParallel(ids, CALLBACK_CONCURRENCY, post);
	const firstRoundMs = Date.now() - start;
	const firstAnswers = { ...answers };
	await inParallel(ids.slice(0, REPLAYS), CALLBACK_CONCURRENCY, post);
	const postedMs = Date.now() - start;
	const executions = await settledExecutions(n8n, workflowId);
	const settledMs = Date.now() - start;
	const seen = new Map<number, number>();
	for (const id of executions.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
	const lost = ids.filter((id) => !seen.has(id)).length;
	const duplicated = [...seen.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
	const summary = { firstAnswers, answers, executions: executions.count, statuses: executions.statuses, lost, duplicated };
	log(`  callbacks: ${JSON.stringify({ ...summary, firstRoundMs, postedMs, settledMs })}`);
	rows.push([
		`${CALLBACKS} callbacks to an active trigger (${CALLBACK_CONCURRENCY} at a time), then ${REPLAYS} replays`,
		`${seconds(firstRoundMs)} s to post ${CALLBACKS}; all runs finished after ${seconds(settledMs)} s`,
		`${executions.count} executions started (${executions.statuses})`,
		`${lost} lost, ${duplicated} duplicated`,
		`answers: ${answers.started} started, ${answers.duplicate} duplicate, ${answers.other} other, ${answers.failed} failed`,
	]);
}

function callbackPayload(id: number) {
	return {
		CandidateEmailId: `cb${id}@bench.example.com`,
		AttemptedOn: '09-Oct-2026 06:51 PM',
		TotalScore: 115,
		CandidateScore: 80,
		ReportPDFUrl: `https://app.imocha.io/PDFReport?id=${id}`,
		TestInvitationId: id,
		Status: 'Complete',
		AttemptedOnUtc: '2026-10-09T13:21:53',
		PerformanceCategory: 'Expert',
	};
}

/** Waits until no execution of the workflow is queued or running, then reads which invitation each was about. */
async function settledExecutions(n8n: N8nInstance, workflowId: string) {
	const where = `workflowId = '${workflowId}'`;
	for (let waited = 0; waited < 120_000; waited += 2000) {
		const pending = Number(sql(n8n, `select count(*) from execution_entity where ${where} and status in ('new', 'running', 'waiting');`).trim());
		if (pending === 0) break;
		await sleep(2000);
	}
	const statuses = sql(n8n, `select status || ': ' || count(*) from execution_entity where ${where} group by status;`)
		.trim()
		.split('\n')
		.join(', ');
	const data = sql(n8n, `select d.data from execution_data d join execution_entity e on e.id = d.executionId where e.${where};`);
	const ids: number[] = [];
	for (const line of data.split('\n')) {
		// Each run is about one invitation; its ID appears in the payload (and the PDF link).
		ids.push(...new Set((line.match(/\b700\d{4}\b/g) ?? []).map(Number)));
	}
	return { count: Number(sql(n8n, `select count(*) from execution_entity where ${where};`).trim()), ids, statuses };
}

function printTables(): void {
	const inviteHeader = ['R', 'window', 'latency', 'N', ...VARIANTS.map((variant) => variant.label)];
	const header = ['Scenario', 'Wall time', 'Against the ideal', 'Lost / duplicated', 'Notes'];
	const table = (head: string[], body: string[][]) => [
		`| ${head.join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...body.map((row) => `| ${row.join(' | ')} |`),
	];
	const lines = [
		`n8n 2.40.7 on Node 24, ${new Date().toISOString().slice(0, 10)}, load average ${loadDuring()}. Invites: N = R x ${SECONDS}, time / (N / R), items lost, invitations duplicated, calls answered 429 (Retry-After in whole seconds).`,
		'',
		...table(inviteHeader, inviteRows),
		'',
		`Sandbox without a rate limit, ${LATENCY_MS} ms latency:`,
		'',
		...table(header, rows),
	];
	process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? error}\n`);
	process.exit(1);
});
