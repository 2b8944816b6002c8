/**
 * Debian's Chromium for the browser tests. playwright-core drives it through `executablePath`;
 * Playwright never downloads a browser of its own (the project reaches only the npm registry and
 * Debian's archive).
 *
 * Run directly (`npm run browser:install`) it installs Chromium when missing; the editor test
 * calls ensureChromium() itself, so a clean clone needs no extra step.
 *
 * Env: CHROMIUM_PATH overrides the browser binary (default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags this machine kind needs: no sandbox (tests run as root), no GPU, and none of Chromium's
 * own traffic to Google (updates, sync, QUIC probes), which would only time out offline.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

type Log = (msg: string) => void;

/** How long to wait for another apt/dpkg run (a parallel test run) to release apt's locks. */
const APT_LOCK_WAIT_MS = 10 * 60_000;

function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/**
 * Runs one apt-get command, retrying while another apt run holds a lock: `DPkg::Lock::Timeout`
 * covers dpkg's lock only, not the package lists lock `apt-get update` takes.
 */
async function aptGet(args: string[], log: Log): Promise<void> {
	const deadline = Date.now() + APT_LOCK_WAIT_MS;
	const lockWait = ['-o', `DPkg::Lock::Timeout=${APT_LOCK_WAIT_MS / 1000}`];
	for (;;) {
		try {
			return await runStep('apt-get', [...lockWait, ...args], log);
		} catch (error) {
			if (!/Could not get lock/.test((error as Error).message) || Date.now() > deadline) throw error;
			log('apt is busy with another run; retrying in 5 s...');
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	}
}

function runStep(cmd: string, args: string[], log: Log): Promise<void> {
	return new Promise((resolve, reject) => {
		log(`$ ${cmd} ${args.join(' ')}`);
		const child = spawn(cmd, args, {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		let output = '';
		const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', (error) => reject(new Error(`cannot run ${cmd}: ${error.message}`)));
		child.on('close', (code) => {
			if (code === 0) resolve();
			else reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`));
		});
	});
}

/**
 * Returns the path of a runnable Chromium, installing Debian's `chromium` package with apt-get
 * (one `apt-get update` first) when the binary is missing. Needs root, as apt-get does.
 * Throws with apt's last output when the install fails.
 */
export async function ensureChromium(log: Log = () => {}): Promise<string> {
	const binary = chromiumPath();
	if (fs.existsSync(binary)) return binary;
	if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${binary} does not exist`);
	log('Chromium is missing: installing Debian\'s "chromium" package (about a minute)...');
	await aptGet(['update'], log);
	await aptGet(['install', '-y', '--no-install-recommends', 'chromium'], log);
	if (!fs.existsSync(binary)) throw new Error(`apt-get installed chromium but ${binary} does not exist`);
	return binary;
}

if (require.main === module) {
	ensureChromium((msg) => process.stdout.write(`${msg}\n`))
		.then((binary) => process.stdout.write(`Chromium: ${binary}\n`))
		.catch((error: Error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		});
}
