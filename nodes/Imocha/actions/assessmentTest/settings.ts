import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../operation/validate';

/**
 * The settings object of Update Test Settings (https://developer.imocha.io/api/update-test-settings): six sub-objects, every field
 * required, flags as integers. Text fields are strings; counts are whole numbers >= 0; every
 * other field is a 0/1 flag.
 */
type Kind = 'text' | 'flag' | 'count';

const SCHEMA: Record<string, Record<string, Kind>> = {
	testSettings: { testName: 'text', testAliasName: 'text', typeOfTest: 'flag', practiceTest: 'flag' },
	questionSettings: { randomQuestions: 'flag', randomAnswers: 'flag', showQuestionScore: 'flag' },
	displayMessageSettings: { sectionEndPopup: 'flag', sectionTimeLeftAlert: 'flag', candidateFeedback: 'flag' },
	emailSettings: { sendTestReportEmailToCandidate: 'flag' },
	imageProctoringSettings: { terminateTestOnImageViolation: 'flag', terminateTestAfterViolationCount: 'count' },
	windowViolationSettings: { copyPaste: 'flag' },
};

const DISPLAY_VIOLATION: Record<string, Kind> = {
	displayViolationPopUp: 'flag',
	terminateTestOnWindowViolation: 'flag',
	terminateTestAfterViolationCount: 'count',
};

export const SETTINGS_SECTIONS = Object.keys(SCHEMA);

const FIELD = 'Settings';

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts the JSON parameter as an object or as JSON text. */
export function parseSettings(context: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw invalid(context, itemIndex, FIELD, 'is not valid JSON', 'Paste the object returned by Get Settings, then change values.');
		}
	}
	if (!isObject(parsed)) {
		throw invalid(context, itemIndex, FIELD, 'must be a JSON object', 'Paste the object returned by Get Settings, then change values.');
	}
	return parsed;
}

/**
 * Checks the documented fields that are present and turns true/false flags into 1/0. With
 * `complete`, every documented sub-object and field must be there: iMocha replaces the whole
 * settings object, so a missing field is not "unchanged".
 */
export function checkSettings(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: IDataObject,
	complete: boolean,
): IDataObject {
	const out: IDataObject = { ...settings };
	for (const [section, fields] of Object.entries(SCHEMA)) {
		const value = settings[section];
		if (value === undefined && !complete) continue;
		if (!isObject(value)) {
			throw invalid(
				context,
				itemIndex,
				FIELD,
				`must contain the object "${section}"`,
				`iMocha replaces all settings at once, so every sub-object is required: ${SETTINGS_SECTIONS.join(', ')}. Use Get Settings to get the current object, or turn on Merge Into Current Settings.`,
			);
		}
		out[section] = checkFields(context, itemIndex, section, value, fields, complete);
	}
	const window = out.windowViolationSettings;
	if (isObject(window) && (complete || window.displayViolationSettings !== undefined)) {
		const nested = window.displayViolationSettings;
		const path = 'windowViolationSettings.displayViolationSettings';
		if (!isObject(nested)) {
			throw invalid(context, itemIndex, FIELD, `must contain the object "${path}"`, 'Use Get Settings to see its fields.');
		}
		out.windowViolationSettings = { ...window, displayViolationSettings: checkFields(context, itemIndex, path, nested, DISPLAY_VIOLATION, complete) };
	}
	return out;
}

function checkFields(
	context: IExecuteFunctions,
	itemIndex: number,
	section: string,
	value: IDataObject,
	fields: Record<string, Kind>,
	complete: boolean,
): IDataObject {
	const out: IDataObject = { ...value };
	for (const [name, kind] of Object.entries(fields)) {
		const field = value[name];
		if (field === undefined && !complete) continue;
		out[name] = checkValue(context, itemIndex, `${section}.${name}`, field, kind);
	}
	return out;
}

function checkValue(context: IExecuteFunctions, itemIndex: number, path: string, value: unknown, kind: Kind) {
	if (kind === 'text') {
		if (typeof value === 'string' && value.trim()) return value;
		throw invalid(context, itemIndex, FIELD, `needs text in "${path}" (got ${JSON.stringify(value) ?? 'nothing'})`, 'Test names cannot be empty.');
	}
	if (kind === 'flag' && typeof value === 'boolean') return value ? 1 : 0;
	const allowed = kind === 'flag' ? value === 0 || value === 1 : Number.isInteger(value) && (value as number) >= 0;
	if (!allowed) {
		const expected = kind === 'flag' ? '0 or 1' : 'a whole number of 0 or more';
		throw invalid(context, itemIndex, FIELD, `needs ${expected} in "${path}" (got ${JSON.stringify(value) ?? 'nothing'})`, 'iMocha takes test settings as integers, not strings.');
	}
	return value as number;
}

/** Deep merge of plain objects: `changes` wins, everything it does not mention is kept. */
export function mergeSettings(current: IDataObject, changes: IDataObject): IDataObject {
	const out: IDataObject = { ...current };
	for (const [key, value] of Object.entries(changes)) {
		out[key] = isObject(value) && isObject(current[key]) ? mergeSettings(current[key] as IDataObject, value) : value;
	}
	return out;
}

/**
 * Paths in `changes` that neither the test's current settings nor iMocha's documentation know: almost
 * always a typo, which iMocha would silently ignore.
 */
export function unknownPaths(current: IDataObject, changes: IDataObject, prefix = ''): string[] {
	return Object.entries(changes).flatMap(([key, value]) => {
		const path = prefix ? `${prefix}.${key}` : key;
		if (!(key in current) && !isDocumented(path)) return [path];
		return isObject(value) && isObject(current[key]) ? unknownPaths(current[key] as IDataObject, value, path) : [];
	});
}

function isDocumented(path: string): boolean {
	const [section, field, nested] = path.split('.');
	if (!(section in SCHEMA)) return false;
	if (field === undefined) return true;
	if (section === 'windowViolationSettings' && field === 'displayViolationSettings') {
		return nested === undefined || nested in DISPLAY_VIOLATION;
	}
	return nested === undefined && field in SCHEMA[section];
}
