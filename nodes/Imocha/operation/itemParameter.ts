import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * `={{ $json.email }}`, `={{ $json['First Name'] }}`, `={{ $json.contact.emails[0] }}`: what n8n's
 * editor writes when a field of the input is dragged onto a parameter. One step is `.name`,
 * `['text']`, `["text"]` or `[digits]`; nothing else (no calls, no operators, no escapes).
 */
const MAPPED_FIELD = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\['[^'\\]*'\]|\["[^"\\]*"\]|\[\d+\])+)\s*\}\}$/;
const STEP = /\.([A-Za-z_$][\w$]*)|\['([^'\\]*)'\]|\["([^"\\]*)"\]|\[(\d+)\]/g;

/** The steps of a mapped field (`$json.a['b c'][0]` -> ['a', 'b c', '0']), or undefined for any other value. */
export function mappedFieldPath(raw: unknown): string[] | undefined {
	const match = typeof raw === 'string' ? MAPPED_FIELD.exec(raw) : null;
	if (!match) return undefined;
	return Array.from(match[1].matchAll(STEP), (step) => step[1] ?? step[2] ?? step[3] ?? step[4]);
}

/**
 * A per-item parameter, as `getNodeParameter(name, itemIndex, fallback)` returns it.
 *
 * Why: n8n 2.x evaluates every expression in a V8 isolate, about 0.5 ms per evaluation on this
 * project's machine, so reading two mapped fields of 2,000 items took 1.9 s before the first
 * call could go (profile of `npm run bench` at R = 100; README, "Benchmark"). When the parameter
 * is exactly a mapped field and the field holds a string, number or boolean, that value is what
 * n8n's engine returns too (a plain property read of the item's json, the value as it is), so it
 * is read here directly. Anything else (other expressions, fixed values, a field that is missing,
 * null, an object or an array) goes to n8n unchanged, with n8n's own results and errors.
 * `test/e2e/itemParameter.test.ts` checks both paths give the same invitations in a real n8n.
 */
export function getItemParameter(context: IExecuteFunctions, name: string, itemIndex: number, fallback?: unknown): unknown {
	const path = mappedFieldPath(context.getNode().parameters[name]);
	if (path) {
		let value: unknown = context.getInputData()[itemIndex]?.json;
		for (const step of path) value = value !== null && typeof value === 'object' ? (value as IDataObject)[step] : undefined;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	}
	return context.getNodeParameter(name, itemIndex, fallback);
}
