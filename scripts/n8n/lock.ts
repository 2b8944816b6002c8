/**
 * A cross-process lock for the runtime cache, so parallel jest workers or a test run plus
 * `npm start` do not install n8n twice. mkdir is atomic, which is all a lock needs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The holder touches the lock this often; a lock untouched for STALE_MS belongs to a dead run. */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;

interface Owner {
	pid: number;
	host: string;
}

export async function withInstallLock<T>(
	root: string,
	log: (msg: string) => void,
	fn: () => Promise<T>,
): Promise<T> {
	const dir = path.join(root, '.install.lock');
	await acquire(dir, log);
	const beat = setInterval(() => touch(dir), HEARTBEAT_MS);
	try {
		return await fn();
	} finally {
		clearInterval(beat);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function acquire(dir: string, log: (msg: string) => void): Promise<void> {
	const started = Date.now();
	let announced: number | undefined;
	for (;;) {
		try {
			fs.mkdirSync(dir);
			const owner: Owner = { pid: process.pid, host: os.hostname() };
			fs.writeFileSync(path.join(dir, 'owner.json'), JSON.stringify(owner));
			return;
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		}
		if (isStale(dir)) {
			log(`Removing a stale install lock at ${dir}`);
			fs.rmSync(dir, { recursive: true, force: true });
			continue;
		}
		const waited = Math.round((Date.now() - started) / 1000);
		if (announced === undefined) {
			log(`Another process is installing the n8n runtime (lock ${dir}); waiting for it...`);
			announced = waited;
		} else if (waited - announced >= 30) {
			log(`      still waiting for the other install (${waited} s)`);
			announced = waited;
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}

function isStale(dir: string): boolean {
	let owner: Owner | undefined;
	try {
		owner = JSON.parse(fs.readFileSync(path.join(dir, 'owner.json'), 'utf8')) as Owner;
	} catch {
		// Owner file not written yet (just created) or unreadable: judge by age alone.
	}
	if (owner && owner.host === os.hostname() && !isAlive(owner.pid)) return true;
	try {
		return Date.now() - fs.statSync(dir).mtimeMs > STALE_MS;
	} catch {
		return false; // released meanwhile: the next mkdir will tell
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function touch(dir: string): void {
	const now = new Date();
	try {
		fs.utimesSync(dir, now, now);
	} catch {
		// Lock removed under us; the install itself will still finish.
	}
}
