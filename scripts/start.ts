/**
 * `npm start`: a real n8n with this package, wired to the local iMocha sandbox, ready to click
 * through. Starts the sandbox and a throwaway n8n (fresh every time), imports the "iMocha sandbox"
 * credential, the README's examples and a tour of every operation, creates the login, prints how
 * to use it, and stops everything on Ctrl-C.
 *
 * Env: N8N_PORT (5678), SANDBOX_PORT (4010); a busy port falls back to a free one.
 */
import * as net from 'node:net';
import * as path from 'node:path';

import { sandboxCredentialImport } from '../sandbox/credential';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { API_KEY_SCOPES, publicApi } from './n8n/http';
import { N8nInstance } from './n8n/instance';
import { ensureRuntime, N8N_VERSION } from './n8n/runtime';
import { createApiKey, setupOwner } from './n8n/owner';
import { exampleWorkflows, inListOrder, tourWorkflows, type StartWorkflow } from './start/workflows';

const repoRoot = path.resolve(__dirname, '..');
const CREDENTIAL = { id: 'imochaSandbox', name: 'iMocha sandbox' };
const CALLBACK_SECRET = 'sandbox-secret';
export const LOGIN = { email: 'newcomer@example.com', password: 'Sandbox-Login-1', firstName: 'New', lastName: 'Comer' };

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const secs = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

function portFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	const port = raw ? Number(raw) : fallback;
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (got "${raw}")`);
	return port;
}

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function choosePort(name: string, wanted: number, what: string): Promise<number | undefined> {
	if (await isFree(wanted)) return wanted;
	log(`Port ${wanted} (${name}) is busy: ${what} takes a free port instead.`);
	return undefined;
}

/** The import file holds n8n's fields only. */
function withoutStartFlags(workflow: StartWorkflow): Omit<StartWorkflow, 'activate'> {
	const copy: Partial<StartWorkflow> = { ...workflow };
	delete copy.activate;
	return copy as Omit<StartWorkflow, 'activate'>;
}

async function main(): Promise<void> {
	const started = Date.now();
	// Filled in as things start; the signal handler stops whatever is running.
	const running: { sandbox?: Sandbox; n8n?: N8nInstance } = {};
	let stopping = 0;
	const stop = async (signal: string) => {
		if (stopping) {
			// npm and tsx pass the terminal's Ctrl-C on too: only a later one is the user insisting.
			if (Date.now() - stopping > 1000) log('Still stopping...');
			return;
		}
		stopping = Date.now();
		log(`\n${signal}: stopping n8n and the sandbox...`);
		await running.n8n?.stop().catch((error: Error) => log(`n8n: ${error.message}`));
		await running.sandbox?.close().catch(() => undefined);
		log('Stopped.');
		process.exit(0);
	};
	// Registered before any n8n exists, so the runtime's own last-resort reaper leaves signals to us.
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

	log(`Preparing Node ${process.env.IMOCHA_NODE_MAJOR || '24'} + n8n ${process.env.IMOCHA_N8N_VERSION || N8N_VERSION} (cached after the first run)...`);
	await ensureRuntime(log);

	const sandboxPort = await choosePort('SANDBOX_PORT', portFromEnv('SANDBOX_PORT', 4010), 'the sandbox');
	const sandbox = await startSandbox({ port: sandboxPort ?? 0 });
	running.sandbox = sandbox;
	log(`iMocha sandbox on ${sandbox.url}`);

	const n8nPort = await choosePort('N8N_PORT', portFromEnv('N8N_PORT', 5678), 'n8n');
	const n8n = await N8nInstance.create({ packageRoot: repoRoot, port: n8nPort, log });
	running.n8n = n8n;
	if (stopping) return;

	log('Importing the "iMocha sandbox" credential and the workflows...');
	await n8n.importCredentials([sandboxCredentialImport(CREDENTIAL, sandbox.url, CALLBACK_SECRET)]);
	const examples = exampleWorkflows(repoRoot, CREDENTIAL);
	const tour = tourWorkflows(CREDENTIAL);
	const workflows = inListOrder(examples, tour);
	await n8n.importWorkflows(workflows.map(withoutStartFlags));

	log('Starting n8n...');
	await n8n.start();
	await setupOwner(n8n.baseUrl, LOGIN).then(async (session) => {
		const apiKey = await createApiKey(n8n.baseUrl, session, API_KEY_SCOPES, 'npm start');
		for (const workflow of workflows.filter((entry) => entry.activate)) {
			await publicApi(n8n.baseUrl, apiKey, 'POST', `/workflows/${workflow.id}/activate`);
		}
	});

	log(
		[
			'',
			`Ready in ${secs(started)}.`,
			'',
			`  n8n:       ${n8n.baseUrl}`,
			`  Login:     ${LOGIN.email} / ${LOGIN.password}`,
			`  Sandbox:   ${sandbox.url} (a simulated iMocha; no account needed)`,
			'',
			'  Credential "iMocha sandbox" points at the sandbox. Workflows:',
			...examples.map((workflow) => `    - ${workflow.name}${workflow.activate ? ' (active)' : ''}`),
			`    - ${tour.length} "Tour" workflows: open one and click "Execute workflow" to run every operation of a resource`,
			'',
			`  Callback Secret of "${CREDENTIAL.name}": ${CALLBACK_SECRET} (test and production URLs need ?token=${CALLBACK_SECRET})`,
			'  Sample event: open an active example, double-click its iMocha Trigger, click "Execute step", then:',
			...activeTriggerPaths(examples).map((triggerPath) => `    curl -X POST '${n8n.baseUrl}/webhook-test/${triggerPath}?token=${CALLBACK_SECRET}'`),
			'',
			'  A callback as iMocha sends it, to the production URL (a second post of it is answered "duplicate"):',
			...activeTriggerPaths(examples).map(
				(triggerPath) =>
					`    curl '${n8n.baseUrl}/webhook/${triggerPath}?token=${CALLBACK_SECRET}' -H 'Content-Type: application/json' -d '{"TestInvitationId":2655161,"Status":"Complete","CandidateScore":92,"TotalScore":115}'`,
			),
			'  Play a candidate (the tour\'s Invite step sends the callback to the active iMocha Trigger):',
			`    curl -X POST ${sandbox.url}/__sandbox/invitations/<testInvitationId>/status -d '{"status":"Complete"}'`,
			`  See what the sandbox received: ${sandbox.url}/__sandbox/requests`,
			'',
			'  This n8n is fresh on every start: download workflows you want to keep. Ctrl-C stops everything.',
		]
			.filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
			.join('\n'),
	);
}

/** The paths of the iMocha Triggers npm start publishes (one per path, see start/workflows.ts). */
function activeTriggerPaths(examples: StartWorkflow[]): string[] {
	return examples
		.filter((workflow) => workflow.activate)
		.flatMap((workflow) => workflow.nodes.filter((node) => node.type === 'n8n-nodes-imocha.imochaTrigger'))
		.map((node) => String(node.parameters?.path ?? 'imocha-callbacks'));
}

main().catch((error: Error) => {
	process.stderr.write(`npm start failed: ${error.message}\n`);
	process.exit(1);
});
