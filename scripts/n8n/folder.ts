/** The per-instance user folder and environment of a throwaway n8n (see ../shared/real-n8n.md). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trackDir } from './reaper';

/** Fixed on purpose: n8n refuses a user folder whose stored key differs from the env. */
const ENCRYPTION_KEY = 'n8n-nodes-imocha-e2e-encryption-key';

/**
 * Creates a fresh folder under the OS temp dir with the package linked in as a community package,
 * so its node types get the names users see in production (`n8n-nodes-imocha.imocha`).
 */
export function createUserFolder(packageRoot: string): string {
	const pkgFile = path.join(packageRoot, 'package.json');
	if (!fs.existsSync(pkgFile)) throw new Error(`${packageRoot} has no package.json`);
	if (!fs.existsSync(path.join(packageRoot, 'dist'))) {
		throw new Error(`${packageRoot}/dist does not exist: run "npm run build" first`);
	}
	const { name } = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { name: string };

	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-imocha-'));
	trackDir(userFolder);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.symlinkSync(packageRoot, path.join(nodesDir, name), 'dir');
	return userFolder;
}

export function instanceEnv(opts: {
	base: NodeJS.ProcessEnv;
	userFolder: string;
	port: number;
	brokerPort: number;
	extraEnv?: Record<string, string>;
}): NodeJS.ProcessEnv {
	return {
		...opts.base,
		N8N_USER_FOLDER: opts.userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_PORT: String(opts.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${opts.port}/`,
		// Its default (5679) clashes with other instances and with N8N_PORT=5679.
		N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort),
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Otherwise a failing CLI command lingers ~36 s before exiting.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '2',
		// Quiet by default; execute() raises it because n8n prints the run data at level info.
		N8N_LOG_LEVEL: 'warn',
		...opts.extraEnv,
	};
}
