/**
 * A throwaway real n8n (Node 24, n8n 2.40.7) with this package loaded the way users load it:
 * linked into `<userFolder>/.n8n/nodes/node_modules`. Each instance has its own user folder,
 * database and ports, so instances never share state with each other or with a developer's n8n.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePorts } from './ports';
import { createUserFolder, instanceEnv, PackageInstall } from './folder';
import { untrackDir } from './reaper';
import { ServerProcess } from './server';
import { run, RunResult, tail } from './proc';
import { ensureRuntime, Runtime } from './runtime';
import { API_KEY_SCOPES, publicApi, waitForWebhookRegistered } from './http';
import { createApiKey, setupOwner, type Owner } from './owner';

type Log = (msg: string) => void;

/** The owner of a throwaway instance; the browser test signs in with it. */
export const TEST_OWNER: Owner = {
	email: 'owner@n8n-nodes-imocha.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-1234',
};

export interface InstanceOptions {
	/** Main HTTP port; a free one is picked when omitted. */
	port?: number;
	/** Directory of the built package (its `dist/` must exist). */
	packageRoot: string;
	/** 'copy' (default) or 'link': see PackageInstall for which n8n-workflow each one loads. */
	install?: PackageInstall;
	log?: Log;
	extraEnv?: Record<string, string>;
}

export interface ExecuteResult extends RunResult {
	/** The `--rawOutput` JSON (run data), when n8n printed one. */
	result: any | undefined;
	/** n8n crashed while exiting after it had printed (and stored) the finished run. */
	crashedOnExit: boolean;
}

const START_TIMEOUT_MS = 90_000;
const CLI_TIMEOUT_MS = 180_000;

export class N8nInstance {
	readonly baseUrl: string;
	private server?: ServerProcess;
	private apiKey?: string;
	private fileCounter = 0;

	private constructor(
		readonly port: number,
		readonly userFolder: string,
		readonly env: NodeJS.ProcessEnv,
		private readonly runtime: Runtime,
		private readonly log: Log,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
	}

	/** The n8n version this instance runs (`npm run test:compat` runs the suites on others than 2.40.7). */
	get n8nVersion(): string {
		return this.runtime.n8nVersion;
	}

	static async create(opts: InstanceOptions): Promise<N8nInstance> {
		const log = opts.log ?? (() => {});
		const runtime = await ensureRuntime(log);
		const [freeMain, brokerPort] = await freePorts(2);
		const port = opts.port ?? freeMain;
		const userFolder = createUserFolder(path.resolve(opts.packageRoot), opts.install);
		const env = instanceEnv({ base: runtime.env, userFolder, port, brokerPort, extraEnv: opts.extraEnv });
		return new N8nInstance(port, userFolder, env, runtime, log);
	}

	/** Runs `n8n <args>` against this instance's folder (each call boots n8n: 3-7 s). */
	cli(args: string[], opts: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunResult> {
		return run(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env: { ...this.env, ...opts.env },
			timeoutMs: opts.timeoutMs ?? CLI_TIMEOUT_MS,
			group: true,
		});
	}

	async exportNodes(): Promise<any[]> {
		const file = this.tempFile('nodes');
		await this.cliOk(['export:nodes', `--output=${file}`]);
		return JSON.parse(fs.readFileSync(file, 'utf8')) as any[];
	}

	async importCredentials(creds: object[]): Promise<void> {
		const file = this.tempFile('credentials', creds);
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		const file = this.tempFile('workflows', workflows);
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/** Exit code 0 means success, 1 a node error; `result` holds the run data either way. */
	async execute(workflowId: string): Promise<ExecuteResult> {
		// n8n prints the run data through its logger at level info: warn would swallow it.
		const res = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			env: { N8N_LOG_LEVEL: 'info' },
		});
		const result = parseRawOutput(res.stdout);
		// n8n 2.40.7 on Node 24 segfaults in ~1 of 5 `execute` runs while tearing down, after the
		// run was printed and stored (a background thread outlives process.exit). The run itself
		// is fine, so its own status decides the exit code then.
		const crashedOnExit = res.signal !== null && typeof result?.status === 'string';
		const code = crashedOnExit ? (result.status === 'success' ? 0 : 1) : res.code;
		return { ...res, code, result, crashedOnExit };
	}

	/** Takes effect at the next start(). */
	async publish(workflowId: string): Promise<void> {
		// n8n 1.x has no publish:workflow (2.x's draft/published split): it activates the workflow.
		const args = this.runtime.n8nVersion.startsWith('1.')
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		await this.cliOk(args);
	}

	async start(): Promise<void> {
		if (this.server) throw new Error('n8n is already running');
		const started = Date.now();
		const server = this.spawn(['start']);
		this.server = server;
		try {
			// n8n 1.x reports ready some seconds before it mounts its REST API (measured 20 s on
			// 1.123.81 under load): wait for a public REST endpoint too.
			await server.waitReady(
				[`${this.baseUrl}/healthz`, `${this.baseUrl}/healthz/readiness`, `${this.baseUrl}/rest/settings`],
				started + START_TIMEOUT_MS,
			);
		} catch (err) {
			// waitReady() stopped it already.
			this.server = undefined;
			throw err;
		}
		this.log(`n8n ready on ${this.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}

	/**
	 * Starts another long-running n8n command on this instance's folder and settings (queue mode's
	 * `worker` and `webhook`), with `env` on top; the caller waits for it and stops it.
	 */
	spawn(args: string[], env: Record<string, string> = {}, name = `n8n ${args[0]}`): ServerProcess {
		return ServerProcess.spawn(name, this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env: { ...this.env, ...env },
		});
	}

	/** Stops the server (a crashed one included) and starts it again on the same folder and database. */
	async restart(): Promise<void> {
		await this.stopServer();
		await this.start();
	}

	/** The main process (from start()), to read its output or crash it on purpose. */
	get mainProcess(): ServerProcess | undefined {
		return this.server;
	}

	/** Stops n8n (if running) and deletes the user folder. Safe to call twice. */
	async stop(): Promise<void> {
		await this.stopServer();
		fs.rmSync(this.userFolder, { recursive: true, force: true });
		untrackDir(this.userFolder);
	}

	/** The last lines n8n printed; useful in assertion messages. */
	output(lines = 50): string {
		return this.server?.tail(lines) ?? '';
	}

	/** Creates the owner account and an API key for the public API; returns the key. */
	async setupOwnerAndApiKey(): Promise<string> {
		const session = await setupOwner(this.baseUrl, TEST_OWNER);
		this.apiKey = await createApiKey(this.baseUrl, session, API_KEY_SCOPES, 'e2e');
		return this.apiKey;
	}

	/** Calls the public API (`/api/v1<apiPath>`); needs setupOwnerAndApiKey() first. */
	api<T = any>(method: string, apiPath: string, body?: unknown): Promise<T> {
		if (!this.apiKey) throw new Error('call setupOwnerAndApiKey() before using the public API');
		return publicApi<T>(this.baseUrl, this.apiKey, method, apiPath, body);
	}

	async listExecutions(workflowId: string): Promise<any[]> {
		const res = await this.api('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}`);
		return res.data as any[];
	}

	getExecution(id: string | number, includeData = false): Promise<any> {
		return this.api('GET', `/executions/${id}?includeData=${includeData}`);
	}

	/** Runs the trigger lifecycle live (webhookMethods create/delete), unlike publish(). */
	activate(workflowId: string): Promise<any> {
		return this.api('POST', `/workflows/${workflowId}/activate`);
	}

	deactivate(workflowId: string): Promise<any> {
		return this.api('POST', `/workflows/${workflowId}/deactivate`);
	}

	/**
	 * Production URL of a trigger node with a fixed `webhookId` (give fixtures one). Nodes with
	 * `isFullPath` (n8n's own Webhook node) live at `${baseUrl}/webhook/<path>` instead.
	 */
	webhookUrl(webhookId: string, webhookPath: string): string {
		return `${this.baseUrl}/webhook/${webhookId}/${webhookPath.replace(/^\//, '')}`;
	}

	/** Readiness comes 0.3-3 s before triggers are registered: wait for the webhook itself. */
	waitForWebhook(url: string, timeoutMs = 15_000, method = 'POST'): Promise<void> {
		return waitForWebhookRegistered(url, timeoutMs, method);
	}

	private async cliOk(args: string[]): Promise<RunResult> {
		const res = await this.cli(args);
		if (res.code !== 0) {
			const how = res.signal ? `signal ${res.signal}` : `exit ${res.code}`;
			throw new Error(`n8n ${args[0]} failed (${how}):\n${tail(`${res.stdout}\n${res.stderr}`)}`);
		}
		return res;
	}

	private tempFile(kind: string, content?: unknown): string {
		const file = path.join(this.userFolder, `${kind}-${++this.fileCounter}.json`);
		if (content !== undefined) fs.writeFileSync(file, JSON.stringify(content));
		return file;
	}

	private async stopServer(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		await server?.stop();
	}
}

/**
 * n8n prints log lines before the JSON and, on a failed run, the error after it: the document
 * starts at the first line beginning with `{` and (pretty-printed) ends at the first line `}`.
 */
export function parseRawOutput(stdout: string): any | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, i) => i >= start && line.trimEnd() === '}');
	for (const last of [end, lines.length - 1]) {
		if (last < start) continue;
		try {
			return JSON.parse(lines.slice(start, last + 1).join('\n'));
		} catch {
			// Try the next candidate end.
		}
	}
	return undefined;
}
