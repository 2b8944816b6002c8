import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseDateTime, toImochaUtc } from '../api/dateTime';
import { joinForImocha, splitList } from './lists';
import { cleanText } from './text';

/**
 * Reading and checking parameters before any request is sent. Every failure names the item and
 * the field as the user sees it in the editor.
 */

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export function invalid(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	hint: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The "${field}" of item ${itemIndex} ${problem}`, {
		itemIndex,
		description: hint,
	});
}

function shown(value: unknown): string {
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text === undefined ? 'nothing' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function checkRequired(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): void {
	if (isBlank(value)) {
		throw invalid(context, itemIndex, field, 'is empty', `Fill in "${field}", or map it from an earlier node.`);
	}
}

export function checkText(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	checkRequired(context, itemIndex, field, value);
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalid(context, itemIndex, field, `must be text (got ${shown(value)})`, 'Map a text value to this field.');
	}
	return String(value).trim();
}

/**
 * One address, with invisible format characters from a paste removed (./text.ts); returns it
 * trimmed. Throws a NodeOperationError naming the item and the field.
 */
export function checkEmail(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = checkText(context, itemIndex, field, typeof value === 'string' ? cleanText(value) : value);
	if (!EMAIL.test(email)) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be an email address (got ${shown(value)})`,
			'Use a single address such as name@example.com.',
		);
	}
	return email;
}

/**
 * Addresses separated by commas, semicolons, spaces or line breaks, or an array of them (see
 * ./lists.ts), returned comma-separated as iMocha's stakeholder fields take them
 * (https://developer.imocha.io/invite-candidate-18117335e0).
 */
export function checkEmailList(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	checkRequired(context, itemIndex, field, value);
	const entries = splitList(value, { whitespace: true });
	if (!entries.length) checkRequired(context, itemIndex, field, '');
	for (const entry of entries) {
		if (typeof entry !== 'string' || !EMAIL.test(entry)) {
			throw invalid(
				context,
				itemIndex,
				field,
				`must be email addresses separated by commas, semicolons or line breaks (${shown(entry)} is not one)`,
				'Separate addresses with commas, e.g. lead@example.com, hr@example.com, or map a list of addresses.',
			);
		}
	}
	return joinForImocha(entries as string[]);
}

/** iMocha identifiers are Int64; above 2^53 JavaScript cannot hold them exactly. */
export function checkId(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number {
	checkRequired(context, itemIndex, field, value);
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? cleanText(value) : '';
	const id = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be a positive whole number (got ${shown(value)})`,
			'iMocha IDs are numbers such as 1134601. Pick the record from the list, or map the ID from an earlier node.',
		);
	}
	return id;
}

/**
 * IDs separated by commas, semicolons, spaces or line breaks, or an array of them (./lists.ts);
 * at most `max`. Throws a NodeOperationError naming the item and the field.
 */
export function checkIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	max: number,
): number[] {
	checkRequired(context, itemIndex, field, value);
	const entries = splitList(value, { whitespace: true });
	if (!entries.length) checkRequired(context, itemIndex, field, '');
	const ids = entries.map((entry) => checkId(context, itemIndex, field, entry));
	if (ids.length > max) {
		throw invalid(
			context,
			itemIndex,
			field,
			`has ${ids.length} IDs, more than the ${max} iMocha accepts in one call`,
			`Split the list into chunks of at most ${max} IDs (one item per chunk).`,
		);
	}
	return ids;
}

export function checkOption<T extends string>(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	allowed: readonly T[],
): T {
	if (!allowed.includes(value as T)) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be one of ${allowed.map((entry) => `"${entry}"`).join(', ')} (got ${shown(value)})`,
			'Values are case-sensitive.',
		);
	}
	return value as T;
}

/** A 0/1 flag as iMocha takes them, from a boolean toggle or a mapped 0/1. */
export function toFlag(value: unknown): 0 | 1 {
	return value === true || value === 1 || value === '1' || value === 'true' ? 1 : 0;
}

/**
 * Returns the instant as `YYYY-MM-DDTHH:mm:ssZ`, the only form iMocha documents. A value with
 * `Z` or an offset is that instant; a value without a zone is read in the workflow's time zone
 * (`getTimezone()`), as n8n's own date-time fields are: 2026-06-16T12:00:00 in Asia/Kolkata is
 * sent as 2026-06-16T06:30:00Z.
 */
export function checkDateTime(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	checkRequired(context, itemIndex, field, value);
	const timeZone = context.getTimezone();
	const parsed = parseDateTime(dateText(value), timeZone);
	if (!parsed.ok) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be an ISO 8601 date-time (got ${shown(value)})`,
			`Use the form 2026-06-11T16:00:00 (read in the workflow time zone, ${timeZone}) or add Z or an offset, e.g. 2026-06-11T16:00:00Z.`,
		);
	}
	return toImochaUtc(parsed.instantMs);
}

function dateText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	return String(value).trim();
}

/** Drops keys whose value is empty, so that nothing the user left blank is sent. */
export function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => !isBlank(value)));
}
