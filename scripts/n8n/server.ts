/**
 * One long-running server process (`n8n start`, `n8n worker`, `n8n webhook`, PostgreSQL, Redis)
 * in its own process group, so that stopping it also reaches its children (n8n's task runner,
 * PostgreSQL's backends), and the reaper kills the group should the calling process end first.
 */
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import * as net from 'node:net';
import { waitForHttp } from './http';
import { tail } from './proc';
import { killGroup, trackGroup, untrackGroup } from './reaper';

const STOP_GRACE_MS = 10_000;

export class ServerProcess {
	private output = '';
	private exitReason?: string;

	private constructor(
		readonly name: string,
		private readonly child: ChildProcess,
	) {
		if (child.pid) trackGroup(child.pid);
		// Bounded: only the tail is ever shown, or searched by lines().
		const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-200_000));
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		child.once('exit', (code, signal) => (this.exitReason = `${name} exited early (code ${code}, signal ${signal})`));
	}

	/** Starts the process; wait for it with waitReady() or waitForPort(). */
	static spawn(name: string, cmd: string, args: string[], opts: Pick<SpawnOptions, 'cwd' | 'env' | 'uid' | 'gid'>): ServerProcess {
		const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		return new ServerProcess(name, child);
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Polls each URL in turn until it answers 200; on failure stops the process and explains. */
	async waitReady(urls: string[], deadline: number): Promise<void> {
		try {
			for (const url of urls) await waitForHttp(url, deadline, () => this.exitReason);
		} catch (err) {
			const output = this.tail(30);
			await this.stop();
			throw new Error(`${this.name} did not become ready: ${(err as Error).message}\n--- ${this.name} output ---\n${output}`);
		}
	}

	/** Waits until `port` accepts TCP connections on 127.0.0.1. */
	async waitForPort(port: number, deadline: number): Promise<void> {
		while (Date.now() < deadline) {
			if (this.exitReason) throw new Error(`${this.exitReason}:\n${this.tail()}`);
			if (await canConnect(port)) return;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`${this.name} did not listen on ${port} in time:\n${this.tail()}`);
	}

	tail(lines = 50): string {
		return tail(this.output, lines);
	}

	/** Every output line matching `pattern` (within the retained 200 kB). */
	lines(pattern: RegExp): string[] {
		return this.output.split('\n').filter((line) => pattern.test(line));
	}

	/** Sends `signal` to the whole group at once (SIGKILL: a crash, nothing gets to clean up). */
	kill(signal: NodeJS.Signals): void {
		if (this.child.pid) killGroup(this.child.pid, signal);
	}

	/**
	 * `signal` (the server's clean shutdown), SIGKILL after a grace period, then whatever is left
	 * in the group. Safe to call twice.
	 */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		const pid = this.child.pid;
		if (!pid) return;
		if (this.running) {
			const exited = new Promise((resolve) => this.child.once('exit', resolve));
			killGroup(pid, signal);
			const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
			await exited;
			clearTimeout(timer);
		}
		killGroup(pid, 'SIGKILL');
		untrackGroup(pid);
	}
}

function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
