/** The per-instance user folder and environment of a throwaway n8n (README.md, "Testing"). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trackDir } from './reaper';

/** Fixed on purpose: n8n refuses a user folder whose stored key differs from the env. */
const ENCRYPTION_KEY = 'n8n-nodes-imocha-e2e-encryption-key';

/**
 * How the package gets into `.n8n/nodes/node_modules`. 'link' symlinks the package root: its
 * `require('n8n-workflow')` then resolves the repo's devDependency copy. 'copy' copies
 * package.json + dist (what npm publishes), which resolves n8n's own n8n-workflow through the
 * NODE_PATH n8n sets up, exactly like a community package installed with --omit=peer. 'copy' is
 * the default: the tests then load the package as users get it, against n8n's own n8n-workflow.
 */
export type PackageInstall = 'link' | 'copy';

/**
 * Creates a fresh folder under the OS temp dir with the package installed as a community package,
 * so its node types get the names users see in production (`n8n-nodes-imocha.imocha`).
 */
export function createUserFolder(packageRoot: string, install: PackageInstall = 'copy'): string {
	const pkgFile = path.join(packageRoot, 'package.json');
	if (!fs.existsSync(pkgFile)) throw new Error(`${packageRoot} has no package.json`);
	if (!fs.existsSync(path.join(packageRoot, 'dist'))) {
		throw new Error(`${packageRoot}/dist does not exist: run "npm run build" first`);
	}
	const { name } = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { name: string };

	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-imocha-'));
	trackDir(userFolder);
	fs.mkdirSync(path.join(userFolder, 'tmp'));
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', name);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	if (install === 'link') {
		fs.symlinkSync(packageRoot, target, 'dir');
	} else {
		fs.mkdirSync(target);
		fs.copyFileSync(pkgFile, path.join(target, 'package.json'));
		fs.cpSync(path.join(packageRoot, 'dist'), path.join(target, 'dist'), { recursive: true });
	}
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
		// n8n leaves files in the OS temp dir (n8nDataTableUploads/...): keep them in the folder we delete.
		TMPDIR: path.join(opts.userFolder, 'tmp'),
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
