/**
 * n8n's community-package gate (@n8n/scan-community-package), run locally on this repository.
 *
 * The gate has three legs (see node_modules/@n8n/scan-community-package/scanner/scanner.mjs,
 * analyzePackageByName): npm provenance of the published version, a lint of the source checkout
 * the provenance points at (SOURCE_FILE_PATTERNS), and a lint of the published tarball's `.js`
 * files and package.json. The two lint legs run here with the scanner's own rules and patterns:
 * the source leg on this checkout, the tarball leg on what `npm pack` produces. The provenance leg
 * is skipped: provenance only exists for a version the release workflow published to npm.
 *
 * Needs `npm run build` first (the tarball ships dist/). Exit 0 when both lint legs have 0
 * findings, 1 otherwise (ESLint's stylish report on stderr).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The patterns analyzePackageByName uses for the downloaded tarball. */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

/** `npm pack` into a temp dir and unpack it there, as the gate does with the published tarball. */
function packed(tmp) {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('dist/ is missing: run "npm run build" first');
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: root, encoding: 'utf8' });
	const [{ filename }] = JSON.parse(out);
	const dir = path.join(tmp, 'package');
	fs.mkdirSync(dir);
	execFileSync('tar', ['-xzf', path.join(tmp, filename), '-C', dir, '--strip-components=1']);
	return dir;
}

async function leg(name, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	// The scanner passes a folder without matching files; here that can only mean a broken setup.
	if (result.message === 'No files found to analyze') result.passed = false;
	const verdict = result.passed ? '0 findings' : `FAILED (${result.message})`;
	console.log(`scan: ${name}: ${verdict}`);
	if (result.details) console.error(result.details);
	return result.passed;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imocha-scan-'));
try {
	console.log(
		'scan: provenance: skipped locally. n8n checks the npm provenance statement of the published ' +
			'version; only the release workflow (.github/workflows/release.yml) can create one.',
	);
	const source = await leg('source (nodes/, credentials/, package.json)', root, SOURCE_FILE_PATTERNS);
	const tarball = await leg('packed package (npm pack)', packed(tmp), TARBALL_PATTERNS);
	process.exitCode = source && tarball ? 0 : 1;
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
