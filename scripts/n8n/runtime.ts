/**
 * A cached Node + n8n install outside the repository, shared by the e2e tests, `npm start` and
 * `npm run test:compat` (which asks for other versions than the default).
 *
 * n8n >= 2.36 needs Node 24 while this project builds on Node 20, so both come from the npm
 * registry into `${IMOCHA_N8N_CACHE:-~/.cache/n8n-nodes-imocha}`. Each install is keyed by
 * version (and, for n8n, by the Node major its sqlite3 is compiled for), built in a temp dir and
 * renamed into place only once complete, so an interrupted run is redone and a finished one is
 * reused instantly (fresh clones on the same machine included).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withInstallLock } from './lock';
import { runLogged } from './proc';

export const NODE_MAJOR = '24';
export const N8N_VERSION = '2.40.7';

/** Which n8n on which Node. */
export interface RuntimeSpec {
	/** An exact n8n version from the npm registry. */
	n8nVersion: string;
	/** Major version of the npm registry's `node` package to run it on ('24', '22', ...). */
	nodeMajor: string;
	/**
	 * npm `overrides` for the host package.json; without them, registryOverrides(n8nVersion).
	 */
	overrides?: Record<string, string>;
}

/**
 * n8n 1.x takes `xlsx` from a tarball URL on SheetJS's CDN (n8n-nodes-base's package.json), which
 * a registry-only machine cannot reach; the registry's 0.18.5 is the same library.
 */
export function registryOverrides(n8nVersion: string): Record<string, string> | undefined {
	return n8nVersion.startsWith('1.') ? { xlsx: '0.18.5' } : undefined;
}

/**
 * What the e2e suite and `npm start` run on: n8n 2.40.7 on Node 24, unless IMOCHA_N8N_VERSION /
 * IMOCHA_NODE_MAJOR name another pair (that is how `npm run test:compat` reruns the suites).
 */
export function defaultRuntime(env: NodeJS.ProcessEnv = process.env): RuntimeSpec {
	const n8nVersion = env.IMOCHA_N8N_VERSION || N8N_VERSION;
	const nodeMajor = env.IMOCHA_NODE_MAJOR || NODE_MAJOR;
	return { n8nVersion, nodeMajor };
}

/** Node + n8n need ~3.1 GB on disk plus npm's cache; ask for headroom. */
const REQUIRED_FREE_BYTES = 4 * 1024 ** 3;
const MARKER = '.complete';

export interface Runtime {
	/** The n8n version installed, e.g. '2.40.7'. */
	n8nVersion: string;
	nodeBin: string;
	/** n8n's bin script: run it as `<nodeBin> <n8nBin> ...`. */
	n8nBin: string;
	/** Child env: Node 24 first in PATH, npm_config_nodedir set, the caller's npm_config_* removed. */
	env: NodeJS.ProcessEnv;
}

type Log = (msg: string) => void;

export function cacheRoot(): string {
	return process.env.IMOCHA_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-imocha');
}

interface Layout {
	spec: RuntimeSpec;
	nodeDir: string;
	n8nDir: string;
	nodeBin: string;
	nodeHeaders: string;
	n8nBin: string;
}

function layout(root: string, spec: RuntimeSpec): Layout {
	const nodeDir = path.join(root, `node-${spec.nodeMajor}`);
	// The default keeps its historical name so existing caches stay valid.
	const suffix = spec.nodeMajor === NODE_MAJOR ? '' : `-node${spec.nodeMajor}`;
	const n8nDir = path.join(root, `n8n-${spec.n8nVersion}${suffix}`);
	const nodePkg = path.join(nodeDir, 'node_modules', 'node');
	return {
		spec,
		nodeDir,
		n8nDir,
		nodeBin: path.join(nodePkg, 'bin', 'node'),
		nodeHeaders: path.join(nodePkg, 'node_modules', `node-${process.platform}-${process.arch}`),
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

const isComplete = (dir: string) => fs.existsSync(path.join(dir, MARKER));

/** How to reach the registry is machine-wide, not project policy: those npm settings may pass. */
const KEPT_NPM_CONFIG = /^npm_config_(registry|proxy|https_proxy|noproxy|cafile|strict_ssl|cache)$/i;

/**
 * Env for every child. Under `npm run`, npm exports the repo's settings (ignore-scripts=true among
 * them) as npm_config_*: they must not leak into the cache installs. Jest sets NODE_ENV=test, which
 * makes n8n's CLI skip work (export:nodes then writes nothing): run n8n as users do, without it.
 */
export function childEnv(l: Layout, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(base)) {
		const npmSetting = /^npm_config_/i.test(k) && !KEPT_NPM_CONFIG.test(k);
		if (!npmSetting && k !== 'NODE_ENV') env[k] = v;
	}
	env.PATH = [path.dirname(l.nodeBin), base.PATH ?? ''].join(path.delimiter);
	env.npm_config_nodedir = l.nodeHeaders;
	return env;
}

/**
 * Returns the cached runtime for `spec`, installing it first when missing (4-6 minutes, ~3 GB;
 * throws with npm's reason when the registry cannot deliver that version).
 */
export async function ensureRuntime(log: Log = () => {}, spec: RuntimeSpec = defaultRuntime()): Promise<Runtime> {
	const root = cacheRoot();
	const l = layout(root, spec);
	const runtime = (): Runtime => ({ n8nVersion: spec.n8nVersion, nodeBin: l.nodeBin, n8nBin: l.n8nBin, env: childEnv(l) });
	if (isComplete(l.nodeDir) && isComplete(l.n8nDir)) return runtime();

	fs.mkdirSync(root, { recursive: true });
	await withInstallLock(root, log, async () => {
		// Another caller may have finished while we waited for the lock.
		if (isComplete(l.nodeDir) && isComplete(l.n8nDir)) return;
		removeLeftovers(root);
		checkFreeSpace(root);
		log(
			`Installing Node ${spec.nodeMajor} and n8n ${spec.n8nVersion} into ${root} ` +
				'(first time only, 4-6 minutes: n8n is ~3 GB of dependencies and sqlite3 is compiled ' +
				'from source; later runs reuse the cache).',
		);
		if (!isComplete(l.nodeDir)) await installNode(root, l, log);
		if (!isComplete(l.n8nDir)) await installN8n(root, l, log);
	});
	return runtime();
}

/** Temp dirs in the cache can only be interrupted installs: we hold the lock. */
function removeLeftovers(root: string): void {
	for (const name of fs.readdirSync(root)) {
		if (name.includes('.tmp-')) fs.rmSync(path.join(root, name), { recursive: true, force: true });
	}
}

function checkFreeSpace(root: string): void {
	const st = fs.statfsSync(root);
	const free = st.bavail * st.bsize;
	if (free < REQUIRED_FREE_BYTES) {
		throw new Error(
			`Not enough disk space for the n8n runtime in ${root}: ${gb(free)} free, ~${gb(REQUIRED_FREE_BYTES)} needed. ` +
				'Free some space or point IMOCHA_N8N_CACHE at a bigger disk.',
		);
	}
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Builds `finalDir` in a sibling temp dir and renames it into place once `build` succeeded. */
async function buildInto(finalDir: string, build: (tmp: string) => Promise<void>): Promise<void> {
	const tmp = `${finalDir}.tmp-${process.pid}-${Date.now()}`;
	fs.mkdirSync(tmp, { recursive: true });
	try {
		await build(tmp);
		fs.writeFileSync(path.join(tmp, MARKER), JSON.stringify({ finishedAt: new Date().toISOString() }));
		// A dir without marker at the final path is damaged, not in use (we hold the lock).
		fs.rmSync(finalDir, { recursive: true, force: true });
		fs.renameSync(tmp, finalDir);
	} catch (err) {
		fs.rmSync(tmp, { recursive: true, force: true });
		throw err;
	}
}

function withoutNodedir(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const copy = { ...env };
	delete copy.npm_config_nodedir;
	return copy;
}

async function installNode(root: string, l: Layout, log: Log): Promise<void> {
	const NODE_MAJOR = l.spec.nodeMajor;
	const started = Date.now();
	log(`[1/3] npm install node@${NODE_MAJOR} (~10 s)`);
	await buildInto(l.nodeDir, async (tmp) => {
		// node@24 needs its install script to fetch the platform binary: scripts on, explicitly.
		await runLogged(
			'npm',
			['install', '--prefix', tmp, '--ignore-scripts=false', '--no-audit', '--no-fund', `node@${NODE_MAJOR}`],
			// No nodedir here: the headers do not exist yet and npm warns about the setting.
			{ cwd: root, env: withoutNodedir(childEnv(l)), what: `npm install node@${NODE_MAJOR}`, log },
		);
		const bin = path.join(tmp, path.relative(l.nodeDir, l.nodeBin));
		const { stdout } = await runLogged(bin, ['--version'], { cwd: root, env: {}, what: 'node --version', log });
		if (!stdout.trim().startsWith(`v${NODE_MAJOR}.`)) {
			throw new Error(`npm's node@${NODE_MAJOR} package installed ${stdout.trim()} instead`);
		}
	});
	log(`      Node ${NODE_MAJOR} ready in ${secs(started)}`);
}

async function installN8n(root: string, l: Layout, log: Log): Promise<void> {
	const N8N_VERSION = l.spec.n8nVersion;
	const nodeMajor = l.spec.nodeMajor;
	await buildInto(l.n8nDir, async (tmp) => {
		const env = childEnv(l);
		// A spec's own overrides win; otherwise the ones its version needs, for every caller (the
		// e2e suite's defaultRuntime() and the compat targets of scripts/compat/targets.ts alike).
		const overrides = l.spec.overrides ?? registryOverrides(N8N_VERSION);
		const host = { name: 'n8n-host', private: true, ...(overrides ? { overrides } : {}) };
		fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify(host, null, 2));
		let started = Date.now();
		log(`[2/3] npm install n8n@${N8N_VERSION} (3-4.5 min, ~3 GB)`);
		// Scripts off: with them a Kafka client tries to download sources and the install rolls back.
		await runLogged(
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', `n8n@${N8N_VERSION}`],
			{ cwd: tmp, env, what: `npm install n8n@${N8N_VERSION}`, log, heartbeat: 'installing n8n' },
		);
		log(`      n8n installed in ${secs(started)}`);

		started = Date.now();
		log(`[3/3] npm rebuild sqlite3 (~75 s, compiled for Node ${nodeMajor})`);
		await runLogged('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
			cwd: tmp,
			env,
			what: 'npm rebuild sqlite3',
			log,
			heartbeat: 'compiling sqlite3',
		});
		await runLogged(l.nodeBin, ['-e', "require('sqlite3')"], {
			cwd: tmp,
			env,
			what: `loading sqlite3 with Node ${nodeMajor}`,
			log,
		});
		log(`      sqlite3 built in ${secs(started)}`);
	});
}

const secs = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;

if (require.main === module) {
	const started = Date.now();
	const spec = defaultRuntime();
	console.log(`n8n ${spec.n8nVersion} on Node ${spec.nodeMajor}`);
	ensureRuntime((msg) => console.log(msg), spec).then(
		(rt) => {
			console.log(`Runtime ready (${secs(started)}):`);
			console.log(`  node: ${rt.nodeBin}`);
			console.log(`  n8n:  ${rt.n8nBin}`);
		},
		(err: Error) => {
			console.error(err.message);
			process.exit(1);
		},
	);
}
