/**
 * Mapped fields read without n8n's expression engine (nodes/Imocha/operation/itemParameter.ts)
 * give what the engine gives, in a real n8n: the same items go to two Invite nodes, one whose
 * fields are mapped the way the editor writes them (`{{ $json.x }}`, read directly), one whose
 * expressions say the same in a shape the fast path does not take (n8n evaluates them). The
 * sandbox must receive the same candidates from both, and a field that is missing must fail the
 * same way in both.
 */
import * as path from 'node:path';

import { sandboxCredentialImport } from '../../sandbox/credential';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { N8nInstance } from '../../scripts/n8n/instance';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { JAVA, PYTHON } from '../../scripts/workflows/resources';

const repoRoot = path.resolve(__dirname, '..', '..');
const CREDENTIAL = { id: 'e2eItemParamCred', name: 'iMocha sandbox (item parameters)' };

const ITEMS = [
	{ contact: { emails: ['ann.mapped@example.com'] }, 'Full Name': 'Ann Mapped', id: 1 },
	{ contact: { emails: ['bo.mapped@example.com'] }, 'Full Name': 'Bo "Quoted" Mapped', id: 2 },
	{ contact: { emails: ['cy.mapped@example.com'] }, 'Full Name': 4711, id: 3 },
];

function workflow(id: string, items: object[], fields: { fast: [string, string]; engine: [string, string] }) {
	const invite = (name: string, testId: number, [email, candidateName]: [string, string], y: number) => ({
		id: `${id}-${name}`,
		name,
		type: 'n8n-nodes-imocha.imocha',
		typeVersion: 1.1,
		position: [440, y],
		credentials: { imochaApi: CREDENTIAL },
		parameters: {
			resource: 'invitation',
			operation: 'invite',
			testId: { __rl: true, mode: 'id', value: String(testId) },
			candidateEmail: email,
			candidateName,
		},
	});
	return {
		id,
		name: `e2e item parameters ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-items`,
				name: 'Candidates',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
			},
			invite('Fast', JAVA, fields.fast, -100),
			invite('Engine', PYTHON, fields.engine, 100),
		],
		connections: {
			Start: { main: [[{ node: 'Candidates', type: 'main', index: 0 }]] },
			Candidates: { main: [[{ node: 'Fast', type: 'main', index: 0 }, { node: 'Engine', type: 'main', index: 0 }]] },
		},
	};
}

const MAPPED = workflow('e2eItemParam0001', ITEMS, {
	fast: ['={{ $json.contact.emails[0] }}', "={{ $json['Full Name'] }}"],
	engine: ['={{ ($json.contact.emails[0]) }}', "={{ ($json['Full Name']) }}"],
});
const MISSING = workflow('e2eItemParam0002', [{ id: 9 }], {
	fast: ['={{ $json.email }}', '={{ $json.name }}'],
	engine: ['={{ ($json.email) }}', '={{ ($json.name) }}'],
});

describe('mapped fields read directly give what n8n evaluates, in a real n8n', () => {
	let n8n: N8nInstance;
	let sandbox: Sandbox;

	beforeAll(async () => {
		await ensureRuntime((msg) => process.stderr.write(`${msg}\n`));
		sandbox = await startSandbox({ maxLifetimeMs: 10 * 60_000 });
		n8n = await N8nInstance.create({ packageRoot: repoRoot });
		await n8n.importCredentials([sandboxCredentialImport(CREDENTIAL, sandbox.url, 'item-parameters')]);
		await n8n.importWorkflows([MAPPED, MISSING]);
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	}, 30_000);

	const invitesTo = (testId: number) =>
		sandbox.requests
			.filter((request) => request.path === `/v3/tests/${testId}/invite`)
			.map((request) => request.body as { email: string })
			// Calls go out together, so they reach the sandbox in any order.
			.sort((a, b) => a.email.localeCompare(b.email));

	it('sends the same candidates (nested paths, brackets, quotes, a number) whichever way the field is read', async () => {
		const run = await n8n.execute(MAPPED.id);
		expect(run.result?.status).toBe('success');
		const fast = invitesTo(JAVA);
		expect(fast).toHaveLength(3);
		expect(fast).toEqual(invitesTo(PYTHON));
		expect(fast.map((body: any) => [body.email, body.name])).toEqual([
			['ann.mapped@example.com', 'Ann Mapped'],
			['bo.mapped@example.com', 'Bo "Quoted" Mapped'],
			['cy.mapped@example.com', '4711'],
		]);
	}, 120_000);

	it('fails a missing field the same way, naming the item and the field, before any call', async () => {
		const before = sandbox.requests.length;
		const run = await n8n.execute(MISSING.id);
		const runData = run.result?.data?.resultData?.runData ?? {};
		const errorOf = (node: string) => runData[node]?.[0]?.error;
		const failed = ['Fast', 'Engine'].filter((node) => errorOf(node));
		// n8n stops the run at the first node that fails; whichever ran, it failed this way.
		expect(failed.length).toBeGreaterThan(0);
		for (const node of failed) {
			expect(errorOf(node)).toMatchObject({ name: 'NodeOperationError', message: expect.stringMatching(/Candidate Email/) });
			expect(JSON.stringify(errorOf(node))).toMatch(/item 0|Item 0|itemIndex.*0/i);
		}
		expect(sandbox.requests.slice(before).filter((request) => request.path.endsWith('/invite'))).toEqual([]);
	}, 120_000);
});
