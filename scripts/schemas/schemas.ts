/**
 * Output schemas the n8n editor shows before a node's first run.
 *
 * Where they live: the editor asks `GET /schemas/<package>.<node>/<version>/<resource>/<operation>.json`
 * (the version padded to x.y.z, resource and operation left out when the node has none), and n8n
 * answers with `<folder of the node's .node.js>/__schema__/v<version>/<resource>/<operation>.json`.
 * The build copies every `nodes/**\/__schema__` folder into dist/ (gulpfile.js). The editor uses a
 * file only when it is a JSON Schema object with non-empty `properties`; of a type list it takes
 * the first entry, so the non-null type comes first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type JsonSchema = {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean;
	items?: JsonSchema;
	$schema?: string;
};

/**
 * The version the schemas are written for, as the editor asks for it. The iMocha node's 1.1 has the
 * same outputs; the build copies them under 1.1.0 (gulpfile.js).
 */
export const SCHEMA_VERSION = '1.0.0';

export interface SchemaKey {
	/** Node type name without the package prefix: imocha, imochaTrigger, imochaPollTrigger. */
	node: string;
	resource?: string;
	operation?: string;
}

/**
 * The source folder of a node, from package.json's `n8n.nodes` (`dist/nodes/X/Name.node.js` is
 * built from `nodes/X/`; the class file is named after the node type, as n8n's loader expects).
 */
export function nodeSourceDir(repoRoot: string, node: string): string {
	const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const entry = pkg.n8n.nodes.find((file) => {
		const base = path.basename(file, '.node.js');
		return base.charAt(0).toLowerCase() + base.slice(1) === node;
	});
	if (!entry) throw new Error(`package.json n8n.nodes lists no file for the node "${node}"`);
	return path.join(repoRoot, path.dirname(entry).replace(/^dist[\\/]/, ''));
}

/** The source file of a schema: `<node folder>/__schema__/v1.0.0[/<resource>/<operation>].json`. */
export function schemaFile(repoRoot: string, key: SchemaKey): string {
	const parts = ['__schema__', `v${SCHEMA_VERSION}`, key.resource, key.operation].filter(Boolean) as string[];
	return `${path.join(nodeSourceDir(repoRoot, key.node), ...parts)}.json`;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value === 'object' ? 'object' : typeof value;
}

/** Merges two inferred schemas: types are united (null last), object properties and array items merged. */
function merge(a: JsonSchema | undefined, b: JsonSchema): JsonSchema {
	if (!a) return b;
	const types = [...new Set([...[a.type ?? []].flat(), ...[b.type ?? []].flat()])].sort((x, y) => Number(x === 'null') - Number(y === 'null'));
	const merged: JsonSchema = { type: types.length === 1 ? types[0] : types };
	if (a.properties || b.properties) {
		const properties: Record<string, JsonSchema> = { ...a.properties };
		for (const [key, schema] of Object.entries(b.properties ?? {})) properties[key] = merge(properties[key], schema);
		merged.properties = properties;
		// A field is required only when every object seen had it.
		const required = (a.properties ? (a.required ?? []) : (b.required ?? [])).filter(
			(key) => !a.properties || !b.properties || (b.required ?? []).includes(key),
		);
		merged.required = required;
		merged.additionalProperties = false;
	}
	if (a.items || b.items) merged.items = a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items);
	return merged;
}

/**
 * Infers a JSON Schema (draft 7) from sample values: closed objects (no field beyond those seen),
 * fields present in every sample required, arrays typed by the union of their elements.
 */
export function inferSchema(values: unknown[]): JsonSchema {
	let schema: JsonSchema | undefined;
	for (const value of values) {
		const type = typeOf(value);
		let next: JsonSchema = { type };
		if (type === 'object') {
			const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
			next = {
				type,
				properties: Object.fromEntries(entries.map(([key, entry]) => [key, inferSchema([entry])])),
				required: entries.map(([key]) => key),
				additionalProperties: false,
			};
		} else if (type === 'array') {
			const items = value as unknown[];
			next = items.length ? { type, items: inferSchema(items) } : { type };
		}
		schema = merge(schema, next);
	}
	return schema ?? {};
}
