/** Timing and memory helpers for the benchmark (Linux: reads /proc). */
import * as fs from 'node:fs';

function parentOf(pid: number): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined;
	}
}

/** Every live process below `root` (the processes this benchmark started). */
export function descendants(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const pid = Number(name);
		const parent = parentOf(pid);
		if (parent === undefined) continue;
		children.set(parent, [...(children.get(parent) ?? []), pid]);
	}
	const found: number[] = [];
	const queue = [...(children.get(root) ?? [])];
	while (queue.length) {
		const pid = queue.shift()!;
		found.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return found;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

function isN8n(pid: number): boolean {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('n8n');
	} catch {
		return false;
	}
}

/**
 * Samples the n8n processes this script started while `work` runs: the highest VmHWM (peak
 * resident memory) of any one of them (the n8n process itself) and the highest summed RSS of all
 * (n8n plus its task runner).
 */
export async function withMemory<T>(work: () => Promise<T>, everyMs = 100): Promise<{ result: T; peakProcessMb: number; peakTreeMb: number }> {
	let peakProcess = 0;
	let peakTree = 0;
	const sample = () => {
		const pids = descendants(process.pid).filter(isN8n);
		let tree = 0;
		for (const pid of pids) {
			peakProcess = Math.max(peakProcess, statusKb(pid, 'VmHWM'));
			tree += statusKb(pid, 'VmRSS');
		}
		peakTree = Math.max(peakTree, tree);
	};
	const timer = setInterval(sample, everyMs);
	try {
		const result = await work();
		return { result, peakProcessMb: peakProcess / 1024, peakTreeMb: peakTree / 1024 };
	} finally {
		clearInterval(timer);
	}
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < items.length) await work(items[next++]);
		}),
	);
}

export const seconds = (ms: number) => (ms / 1000).toFixed(1);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
