import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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

export function checkEmail(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const email = checkText(context, itemIndex, field, value);
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

/** Comma-separated addresses, as iMocha's stakeholder fields take them. */
export function checkEmailList(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const list = checkText(context, itemIndex, field, value);
	for (const entry of list.split(',')) {
		if (!EMAIL.test(entry.trim())) {
			throw invalid(
				context,
				itemIndex,
				field,
				`must be email addresses separated by commas (${shown(entry.trim())} is not one)`,
				'Separate addresses with commas, e.g. lead@example.com, hr@example.com.',
			);
		}
	}
	return list
		.split(',')
		.map((entry) => entry.trim())
		.join(',');
}

/** iMocha identifiers are Int64; above 2^53 JavaScript cannot hold them exactly. */
export function checkId(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): number {
	checkRequired(context, itemIndex, field, value);
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
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

export function checkIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	max: number,
): number[] {
	checkRequired(context, itemIndex, field, value);
	const entries = Array.isArray(value) ? value : String(value).split(',');
	const ids = entries.map((entry) => checkId(context, itemIndex, field, typeof entry === 'string' ? entry.trim() : entry));
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
 * Returns the instant as `YYYY-MM-DDTHH:mm:ssZ`, the only form iMocha documents. A value
 * without a zone is taken as UTC, as the field descriptions say.
 */
export function checkUtcDateTime(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	checkRequired(context, itemIndex, field, value);
	const text = dateText(value);
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const isoShape = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text);
	const millis = isoShape && isRealCalendarTime(text) ? Date.parse(hasZone || !text.includes('T') ? text : `${text}Z`) : NaN;
	if (Number.isNaN(millis)) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be an ISO 8601 date-time (got ${shown(value)})`,
			'Use the form 2026-06-11T16:00:00Z. A value without a zone is read as UTC.',
		);
	}
	return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Date.parse rolls 2026-02-30 over to March: check the fields themselves. */
function isRealCalendarTime(text: string): boolean {
	const [year, month, day, hour = 0, minute = 0, second = 0] = (text.match(/\d+/g) ?? []).map(Number);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
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
