/**
 * `npm run test:compat [-- --target <id> ...]`: installs each target's n8n + Node into the runtime
 * cache (scripts/n8n/runtime.ts; 4-6 minutes and ~3 GB per target the first time) and reruns the
 * real-n8n smoke suites on it. Results go to build/compat/<id>.json and a Markdown table to stdout
 * (the README's Compatibility table). Exit 1 when any target fails to install or fails a test.
 * `--list` prints the target ids as a JSON array and runs nothing: CI's compat matrix is built
 * from it, so targets.ts is the one list of targets.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureRuntime } from '../n8n/runtime';
import { SMOKE_SUITES, TARGETS, type CompatTarget } from './targets';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'build', 'compat');

interface Outcome {
	id: string;
	n8n: string;
	node: string;
	date: string;
	result: 'passed' | 'failed' | 'not installable';
	tests?: { passed: number; failed: number; skipped: number };
	minutes: number;
	detail?: string;
}

function selectTargets(argv: string[]): CompatTarget[] {
	const ids = argv.flatMap((arg, i) => (arg === '--target' ? [argv[i + 1]] : arg.startsWith('--target=') ? [arg.slice(9)] : []));
	if (ids.length === 0) return TARGETS;
	return ids.map((id) => {
		const found = TARGETS.find((candidate) => candidate.id === id);
		if (!found) throw new Error(`Unknown target ${id}; known: ${TARGETS.map((candidate) => candidate.id).join(', ')}`);
		return found;
	});
}

function runJest(target: CompatTarget, jsonFile: string): Promise<number> {
	const jest = require.resolve('jest/bin/jest');
	const args = [jest, '--selectProjects', 'e2e', '--runInBand', '--json', `--outputFile=${jsonFile}`, ...SMOKE_SUITES];
	const env = { ...process.env, IMOCHA_N8N_VERSION: target.n8nVersion, IMOCHA_NODE_MAJOR: target.nodeMajor, ...target.env };
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
		child.on('close', (code) => resolve(code ?? 1));
	});
}

async function runTarget(target: CompatTarget): Promise<Outcome> {
	const started = Date.now();
	const base = { id: target.id, n8n: target.n8nVersion, node: target.nodeMajor, date: new Date().toISOString().slice(0, 10) };
	const minutes = () => Math.round((Date.now() - started) / 6000) / 10;
	console.log(`\n=== ${target.id}${target.env ? ` (${Object.entries(target.env).map(([k, v]) => `${k}=${v}`).join(' ')})` : ''}`);
	try {
		await ensureRuntime((msg) => console.log(msg), target);
	} catch (error) {
		return { ...base, result: 'not installable', minutes: minutes(), detail: (error as Error).message };
	}
	const jsonFile = path.join(outDir, `${target.id}.jest.json`);
	const code = await runJest(target, jsonFile);
	let tests: Outcome['tests'];
	if (fs.existsSync(jsonFile)) {
		const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
		tests = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests };
	}
	const passed = code === 0 && tests !== undefined && tests.failed === 0 && tests.passed > 0;
	return { ...base, result: passed ? 'passed' : 'failed', tests, minutes: minutes() };
}

function table(outcomes: Outcome[]): string {
	const rows = outcomes.map((o) => {
		const target = TARGETS.find((candidate) => candidate.id === o.id);
		const env = target?.env ? ` with ${Object.entries(target.env).map(([k, v]) => `\`${k}=${v}\``).join(' ')}` : '';
		const tests = o.tests ? `${o.tests.passed} passed, ${o.tests.failed} failed` : (o.detail?.split('\n')[0] ?? '');
		return `| ${o.n8n} | ${o.node}${env} | ${o.result} | ${tests} | ${o.date} |`;
	});
	return ['| n8n | Node | Result | Smoke tests | Date |', '|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<void> {
	if (process.argv.includes('--list')) {
		console.log(JSON.stringify(TARGETS.map((target) => target.id)));
		return;
	}
	const targets = selectTargets(process.argv.slice(2));
	fs.mkdirSync(outDir, { recursive: true });
	const outcomes: Outcome[] = [];
	for (const target of targets) {
		const outcome = await runTarget(target);
		fs.writeFileSync(path.join(outDir, `${target.id}.json`), JSON.stringify(outcome, null, 2));
		outcomes.push(outcome);
	}
	console.log(`\n${table(outcomes)}`);
	for (const o of outcomes.filter((candidate) => candidate.detail)) console.log(`\n${o.id}: ${o.detail}`);
	process.exitCode = outcomes.every((o) => o.result === 'passed') ? 0 : 1;
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
