/**
 * The output schemas the editor shows before a first run (`__schema__` folders, see
 * scripts/schemas/schemas.ts) stay in step with what the nodes really return: every operation and
 * both triggers run against the sandbox and each output item must match its shipped schema.
 *
 * `npm run schemas` (UPDATE_OUTPUT_SCHEMAS=1) rewrites the schemas from these outputs instead;
 * review the diff before committing it.
 */
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { inferSchema, schemaFile, type SchemaKey } from '../../scripts/schemas/schemas';
import type { Sandbox } from '../../sandbox/server';
import { collectOutputSamples, type OutputSample } from '../helpers/outputSamples';
import { imochaNode, testSandbox } from '../helpers/runNode';

const repoRoot = path.resolve(__dirname, '..', '..');
const update = process.env.UPDATE_OUTPUT_SCHEMAS === '1';
const ajv = new Ajv({ allErrors: true, strict: true });

const label = (key: SchemaKey) => [key.node, key.resource, key.operation].filter(Boolean).join(' > ');

/** Every resource/operation pair the node offers, from its own description. */
function offeredOperations(): Array<{ resource: string; operation: string }> {
	const pairs: Array<{ resource: string; operation: string }> = [];
	for (const property of imochaNode.description.properties) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as Array<{ value: string }>) pairs.push({ resource, operation: option.value });
		}
	}
	return pairs;
}

let sandbox: Sandbox;
let samples: OutputSample[];
beforeAll(async () => {
	sandbox = await testSandbox();
	samples = await collectOutputSamples(sandbox);
	if (update) {
		// Both triggers live in nodes/Imocha/ and n8n reads one `__schema__/v1.0.0.json` per folder
		// for nodes without resource/operation, so samples are grouped by file.
		const byFile = new Map<string, unknown[]>();
		for (const sample of samples) {
			const file = schemaFile(repoRoot, sample);
			byFile.set(file, [...(byFile.get(file) ?? []), ...sample.items]);
		}
		for (const [file, items] of byFile) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...inferSchema(items) };
			fs.writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
		}
	}
}, 60_000);
afterAll(() => sandbox.close());

it('has a sample, hence a schema, for every operation the node offers', () => {
	const sampled = samples.filter((sample) => sample.node === 'imocha').map((sample) => `${sample.resource}/${sample.operation}`);
	const offered = offeredOperations().map((pair) => `${pair.resource}/${pair.operation}`);
	expect(offered.length).toBeGreaterThan(30);
	expect([...new Set(sampled)].sort()).toEqual([...new Set(offered)].sort());
});

it('every run returned items to check', () => {
	const empty = samples.filter((sample) => sample.items.length === 0).map(label);
	expect(empty).toEqual([]);
});

it("every output item matches its node's shipped schema", () => {
	const failures: string[] = [];
	for (const sample of samples) {
		const file = schemaFile(repoRoot, sample);
		if (!fs.existsSync(file)) {
			failures.push(`${label(sample)}: no schema at ${path.relative(repoRoot, file)}`);
			continue;
		}
		const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { type?: string; properties?: object };
		// The editor ignores a schema without top-level object properties.
		if (schema.type !== 'object' || !Object.keys(schema.properties ?? {}).length) failures.push(`${label(sample)}: schema has no properties`);
		const validate = ajv.compile(schema);
		sample.items.forEach((item, index) => {
			if (!validate(item)) failures.push(`${label(sample)} item ${index}: ${ajv.errorsText(validate.errors)}`);
		});
	}
	expect(failures).toEqual([]);
});

it('rejects an output that drifts from its schema (a renamed field)', () => {
	const invite = samples.find((sample) => sample.operation === 'invite')!;
	const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile(repoRoot, invite), 'utf8')) as object);
	const { testInvitationId, ...rest } = invite.items[0];
	expect(validate({ ...rest, invitationId: testInvitationId })).toBe(false);
});
