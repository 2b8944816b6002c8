/** Child-process helpers for the n8n runtime: capture output, explain failures. */
import { spawn } from 'node:child_process';
import { killGroup, trackGroup, untrackGroup } from './reaper';

export interface RunResult {
	/** -1 when the process was killed by a signal. */
	code: number;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Kill the child after this many ms (the result then has code -1). */
	timeoutMs?: number;
	/**
	 * Run in its own process group and kill the whole group when it ends: n8n CLI commands start a
	 * task runner child that must not outlive them.
	 */
	group?: boolean;
	/** Run as this user/group (root only), e.g. PostgreSQL, which refuses to run as root. */
	uid?: number;
	gid?: number;
}

/** Runs a command to completion; never rejects because of its exit code. */
export function run(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd: opts.cwd,
			env: opts.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: opts.group === true,
			uid: opts.uid,
			gid: opts.gid,
		});
		const pid = child.pid;
		if (opts.group && pid) trackGroup(pid);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const kill = () => (opts.group && pid ? killGroup(pid, 'SIGKILL') : child.kill('SIGKILL'));
		const timer = opts.timeoutMs ? setTimeout(kill, opts.timeoutMs) : undefined;
		const done = () => {
			clearTimeout(timer);
			if (opts.group && pid) {
				killGroup(pid, 'SIGKILL');
				untrackGroup(pid);
			}
		};
		child.on('error', (err) => {
			done();
			reject(new Error(`Cannot start ${cmd}: ${err.message}`));
		});
		// Sweep the group as soon as the leader exits: a leftover child holding our pipes would
		// otherwise delay 'close' forever.
		child.on('exit', done);
		child.on('close', (code, signal) => {
			done();
			resolve({ code: code ?? -1, signal, stdout, stderr });
		});
	});
}

export function tail(text: string, lines = 25): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export interface LoggedRunOptions extends RunOptions {
	/** Human name of the step, used in errors. */
	what: string;
	log: (msg: string) => void;
	/** When set, logs "still <heartbeat>" every 30 s so a long silent step does not look hung. */
	heartbeat?: string;
}

/** Runs a step that must succeed; the error carries the tail of its output (npm's reasons). */
export async function runLogged(cmd: string, args: string[], opts: LoggedRunOptions): Promise<RunResult> {
	const started = Date.now();
	const beat = opts.heartbeat
		? setInterval(
				() => opts.log(`      still ${opts.heartbeat} (${Math.round((Date.now() - started) / 1000)} s)`),
				30_000,
			)
		: undefined;
	try {
		// Own group, reaped on exit: an interrupted install must not leave npm writing into the cache.
		const res = await run(cmd, args, { ...opts, group: true });
		if (res.code !== 0) throw new Error(explainFailure(opts.what, res));
		return res;
	} finally {
		clearInterval(beat);
	}
}

function explainFailure(what: string, res: RunResult): string {
	const output = `${res.stdout}\n${res.stderr}`;
	let hint = '';
	if (/ENOSPC|no space left on device/i.test(output)) {
		hint = 'The disk is full: free some space or set IMOCHA_N8N_CACHE to a bigger disk, then retry.\n';
	} else if (/E404|ETARGET|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET|network/i.test(output)) {
		hint = 'The npm registry did not deliver a package (offline, proxy or a missing version?). Retry when it is reachable.\n';
	}
	return `${what} failed (exit ${res.code}).\n${hint}--- last output ---\n${tail(res.stderr || res.stdout)}`;
}
