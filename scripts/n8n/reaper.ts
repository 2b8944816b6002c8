/**
 * Last-resort cleanup for throwaway n8n instances. n8n runs in its own process group (so its task
 * runner can be killed with it), which also means a Ctrl+C or a crashed test would not reach it:
 * everything still registered here is killed and deleted when this process exits.
 */
import * as fs from 'node:fs';

const groups = new Set<number>();
const dirs = new Set<string>();
let installed = false;

/** Signals the whole process group led by `pid`; false when it is already gone. */
export function killGroup(pid: number, signal: NodeJS.Signals): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

export function trackGroup(pid: number): void {
	install();
	groups.add(pid);
}

export function untrackGroup(pid: number): void {
	groups.delete(pid);
}

export function trackDir(dir: string): void {
	install();
	dirs.add(dir);
}

export function untrackDir(dir: string): void {
	dirs.delete(dir);
}

/** Synchronous on purpose: 'exit' handlers cannot wait. */
function reapAll(): void {
	for (const pid of groups) killGroup(pid, 'SIGKILL');
	groups.clear();
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	dirs.clear();
}

function install(): void {
	if (installed) return;
	installed = true;
	process.on('exit', reapAll);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		// Only when nobody else handles the signal (jest does): then re-raise it so the default
		// action (terminate) still happens after the cleanup.
		if (process.listenerCount(sig) > 0) continue;
		const onSignal = () => {
			reapAll();
			process.removeListener(sig, onSignal);
			if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
		};
		process.on(sig, onSignal);
	}
}
