/**
 * Private PostgreSQL and Redis instances for n8n's queue mode, from Debian's packages.
 *
 * ensureQueueServices() installs the packages when their binaries are missing (root only: it runs
 * `apt-get update` once, then `apt-get install -y postgresql redis-server`). startPostgres() and
 * startRedis() start throwaway instances on free ports bound to 127.0.0.1, with data in a temp
 * dir, in their own process groups: stop() ends them, and the reaper kills them and deletes their
 * dirs should the calling process end first (crash, Ctrl+C).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withInstallLock } from '../n8n/lock';
import { freePorts } from '../n8n/ports';
import { run, runLogged, tail } from '../n8n/proc';
import { trackDir, untrackDir } from '../n8n/reaper';
import { ServerProcess } from '../n8n/server';

type Log = (msg: string) => void;

export interface QueueBinaries {
	/** Directory holding `postgres`, `initdb`, `psql` (the newest installed major). */
	postgresBin: string;
	redisServer: string;
}

const START_TIMEOUT_MS = 30_000;

function findBinaries(): Partial<QueueBinaries> {
	const found: Partial<QueueBinaries> = {};
	const pgRoot = '/usr/lib/postgresql';
	if (fs.existsSync(pgRoot)) {
		const majors = fs
			.readdirSync(pgRoot)
			.filter((major) => fs.existsSync(path.join(pgRoot, major, 'bin', 'postgres')))
			.sort((a, b) => Number(b) - Number(a));
		if (majors.length) found.postgresBin = path.join(pgRoot, majors[0], 'bin');
	}
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
		if (fs.existsSync(candidate)) {
			found.redisServer = candidate;
			break;
		}
	}
	return found;
}

/** Finds PostgreSQL and Redis, installing Debian's packages first when one is missing. */
export async function ensureQueueServices(log: Log = () => {}): Promise<QueueBinaries> {
	let found = findBinaries();
	if (found.postgresBin && found.redisServer) return found as QueueBinaries;
	if (process.getuid?.() !== 0) {
		throw new Error('PostgreSQL or Redis is missing and only root can install them: run `apt-get install -y postgresql redis-server` once.');
	}
	// One apt run at a time on the machine, even across parallel test runs.
	const lockRoot = path.join(os.tmpdir(), 'n8n-nodes-imocha-apt');
	fs.mkdirSync(lockRoot, { recursive: true });
	await withInstallLock(lockRoot, log, async () => {
		found = findBinaries();
		if (found.postgresBin && found.redisServer) return;
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const opts = { cwd: os.tmpdir(), env, log, heartbeat: 'installing PostgreSQL and Redis' };
		log('Installing PostgreSQL and Redis from Debian (first time only, ~1 minute)');
		await runLogged('apt-get', ['update'], { ...opts, what: 'apt-get update' });
		await runLogged('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql', 'redis-server'], {
			...opts,
			what: 'apt-get install postgresql redis-server',
		});
	});
	found = findBinaries();
	if (!found.postgresBin || !found.redisServer) throw new Error('apt-get installed PostgreSQL and Redis, yet their binaries are not where Debian puts them');
	return found as QueueBinaries;
}

function tempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	trackDir(dir);
	return dir;
}

export interface Postgres {
	port: number;
	user: string;
	database: string;
	/** Runs one SQL statement; returns the rows as arrays of text fields. */
	query(sql: string): Promise<string[][]>;
	stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, its files and process belong to `postgres`. */
function postgresAccount(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as (Debian\'s package creates it)');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * An initdb'd cluster in a temp dir, trust auth, TCP on 127.0.0.1 only, durability off (a test
 * database: speed over crash safety), with an empty database `n8n`.
 */
export async function startPostgres(bins: QueueBinaries, log: Log = () => {}): Promise<Postgres> {
	const started = Date.now();
	const dir = tempDir('imocha-pg-');
	const account = postgresAccount();
	if (account.uid !== undefined) fs.chownSync(dir, account.uid, account.gid!);
	const data = path.join(dir, 'data');
	const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
	const init = await run(path.join(bins.postgresBin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
		cwd: dir,
		env,
		...account,
	});
	if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}):\n${tail(`${init.stdout}\n${init.stderr}`)}`);

	const [port] = await freePorts(1);
	const server = ServerProcess.spawn(
		'postgres',
		path.join(bins.postgresBin, 'postgres'),
		['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		{ cwd: dir, env, ...account },
	);
	const psql = (database: string, sql: string) =>
		run(path.join(bins.postgresBin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			cwd: os.tmpdir(),
			env,
		});
	const stop = async () => {
		// SIGINT is PostgreSQL's fast shutdown: no waiting for clients.
		await server.stop('SIGINT');
		fs.rmSync(dir, { recursive: true, force: true });
		untrackDir(dir);
	};
	try {
		await server.waitForPort(port, Date.now() + START_TIMEOUT_MS);
		// The port opens a moment before the server accepts logins: retry the first statement.
		let created = await psql('postgres', 'CREATE DATABASE n8n');
		for (let i = 0; created.code !== 0 && /starting up/.test(created.stderr) && i < 50; i++) {
			await new Promise((r) => setTimeout(r, 100));
			created = await psql('postgres', 'CREATE DATABASE n8n');
		}
		if (created.code !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`PostgreSQL on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return {
		port,
		user: 'postgres',
		database: 'n8n',
		async query(sql) {
			const res = await psql('n8n', sql);
			if (res.code !== 0) throw new Error(`psql failed: ${res.stderr.trim()}\n${sql}`);
			return res.stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		},
		stop,
	};
}

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

/** A redis-server on 127.0.0.1 without persistence (no RDB snapshots, no AOF). */
export async function startRedis(bins: QueueBinaries, log: Log = () => {}): Promise<Redis> {
	const started = Date.now();
	const dir = tempDir('imocha-redis-');
	const [port] = await freePorts(1);
	const server = ServerProcess.spawn(
		'redis-server',
		bins.redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		{ cwd: dir, env: process.env },
	);
	const stop = async () => {
		await server.stop('SIGTERM');
		fs.rmSync(dir, { recursive: true, force: true });
		untrackDir(dir);
	};
	try {
		await server.waitForPort(port, Date.now() + START_TIMEOUT_MS);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`Redis on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return { port, stop };
}
