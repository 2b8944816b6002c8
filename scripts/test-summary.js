// Prints one closing line over every jest run of `npm test`, in the plain form CI reads.
const fs = require('node:fs');
const path = require('node:path');

const build = path.join(__dirname, '..', 'build');
// Every jest run of `npm test` writes build/jest-<project>.json (unit, contract, e2e).
const files = fs.existsSync(build)
	? fs.readdirSync(build).filter((name) => /^jest-.*\.json$/.test(name)).map((name) => path.join(build, name))
	: [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
	if (!fs.existsSync(file)) continue;
	const result = JSON.parse(fs.readFileSync(file, 'utf8'));
	passed += result.numPassedTests;
	failed += result.numFailedTests;
	skipped += result.numPendingTests + (result.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
