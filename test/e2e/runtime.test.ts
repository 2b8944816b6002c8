/**
 * The real-n8n harness itself: the cached runtime installs, this package loads under its
 * production node type names, and a workflow runs headlessly. Other e2e suites build on this.
 */
import * as path from 'node:path';
import { N8nInstance } from '../../scripts/n8n/instance';
import { run } from '../../scripts/n8n/proc';
import { defaultRuntime, ensureRuntime } from '../../scripts/n8n/runtime';

const repoRoot = path.resolve(__dirname, '..', '..');

const manualNoOpWorkflow = {
	id: 'e2eRuntimeNoOp1',
	name: 'e2e runtime: manual trigger + no-op',
	active: false,
	settings: {},
	nodes: [
		{
			id: '5b1f1a52-0a3e-4c55-9f0e-2f9a4c1d0001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '5b1f1a52-0a3e-4c55-9f0e-2f9a4c1d0002',
			name: 'Do Nothing',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Do Nothing', type: 'main', index: 0 }]] },
	},
};

describe('real n8n runtime', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		// The first run installs Node 24 + n8n (~6 min); afterwards the cache answers instantly.
		await ensureRuntime((msg) => process.stderr.write(`${msg}\n`));
		n8n = await N8nInstance.create({ packageRoot: repoRoot });
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
	}, 30_000);

	it('loads this package under its production node type names', async () => {
		const nodes = await n8n.exportNodes();
		const names = nodes.map((node: { name: string }) => node.name);
		expect(names).toContain('n8n-nodes-imocha.imocha');
	}, 60_000);

	// `npm run test:compat` reruns the suites on other pairs: its table is only as true as this check.
	it('runs the n8n and Node asked for (IMOCHA_N8N_VERSION / IMOCHA_NODE_MAJOR, else 2.40.7 on 24)', async () => {
		const spec = defaultRuntime();
		const runtime = await ensureRuntime();
		const n8nVersion = await n8n.cli(['--version']);
		const nodeVersion = await run(runtime.nodeBin, ['-p', 'process.versions.node'], { cwd: n8n.userFolder, env: n8n.env });
		expect({ n8n: n8nVersion.stdout.trim().split('\n').at(-1), node: nodeVersion.stdout.trim().split('.')[0] }).toEqual({
			n8n: spec.n8nVersion,
			node: spec.nodeMajor,
		});
	}, 60_000);

	// n8n reads the trigger's path on every request; without a native resolver each read goes
	// through its expression engine (trigger/webhook.ts). Asked of the n8n-workflow that n8n loads.
	it("reads the iMocha Trigger's webhook path without its expression engine (n8n 2.40+; ignored by 1.x)", async () => {
		const runtime = await ensureRuntime();
		const script = `
			const wf = require(require.resolve('n8n-workflow', { paths: [${JSON.stringify(path.resolve(runtime.n8nBin, '..', '..'))}] }));
			const { ImochaTrigger } = require(${JSON.stringify(path.join(repoRoot, 'dist/nodes/Imocha/ImochaTrigger.node.js'))});
			const [hook] = new ImochaTrigger().description.webhooks;
			const node = { parameters: { path: 'imocha-callbacks', filters: {}, options: {} } };
			const withExpression = { parameters: { path: '={{ "x" }}', filters: {}, options: {} } };
			console.log(JSON.stringify(typeof wf.resolveWebhookDescriptionField !== 'function' ? 'no resolvers in this n8n' : {
				native: wf.resolveWebhookDescriptionField(node, hook, 'path'),
				wholeDescription: wf.webhookDescriptionIsNativelyResolvable(hook),
				expressionParameter: wf.resolveWebhookDescriptionField(withExpression, hook, 'path'),
			}));`;
		const out = await run(runtime.nodeBin, ['-e', script], { cwd: n8n.userFolder, env: n8n.env });
		const answer = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? 'null');
		if (defaultRuntime().n8nVersion.startsWith('1.')) {
			expect(answer).toBe('no resolvers in this n8n');
		} else {
			expect(answer).toEqual({
				native: { resolved: true, value: 'imocha-callbacks' },
				wholeDescription: true,
				expressionParameter: { resolved: false },
			});
		}
	}, 60_000);

	it('imports and executes a workflow headlessly', async () => {
		await n8n.importWorkflows([manualNoOpWorkflow]);
		const run = await n8n.execute(manualNoOpWorkflow.id);

		expect({ code: run.code, status: run.result?.status }).toEqual({ code: 0, status: 'success' });
		expect(Object.keys(run.result.data.resultData.runData)).toEqual(['Start', 'Do Nothing']);
	}, 60_000);
});
