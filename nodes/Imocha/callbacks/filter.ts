import { field } from '../api/read';
import type { CallbackEventData } from './event';
import type { CallbackEvent } from './status';

export interface CallbackFilters {
	/** Events that start a run. */
	events: CallbackEvent[];
	/** Only these tests (empty = all). Needs a report lookup: the callback does not name its test. */
	testIds: number[];
	/** Minimum CandidateScore / TotalScore in percent; undefined = no minimum. */
	minScorePercentage?: number;
	/** Only these performance categories, compared case-insensitively (empty = all). */
	performanceCategories: string[];
}

export type FilterResult = { pass: true } | { pass: false; reason: string };

const PASS: FilterResult = { pass: true };

/**
 * The checks that need nothing but the callback. Score and category apply to final events only:
 * an "In Progress" callback carries no score yet (https://developer.imocha.io/callback-notification-1174961m0), so it passes them.
 */
export function checkCallback(event: CallbackEventData, filters: CallbackFilters): FilterResult {
	if (event.event === 'unknown' || !filters.events.includes(event.event)) {
		return { pass: false, reason: `status "${event.status}" is not among the selected statuses` };
	}
	if (!event.isFinal) return PASS;
	if (filters.minScorePercentage !== undefined) {
		const score = event.scorePercentage;
		if (score === null || score < filters.minScorePercentage) {
			return { pass: false, reason: `score ${score ?? 'unknown'}% is below the minimum of ${filters.minScorePercentage}%` };
		}
	}
	if (filters.performanceCategories.length) {
		const category = field(event, 'PerformanceCategory');
		const wanted = filters.performanceCategories.map(normalise);
		if (typeof category !== 'string' || !wanted.includes(normalise(category))) {
			return { pass: false, reason: `performance category "${String(category ?? '')}" is not among the selected ones` };
		}
	}
	return PASS;
}

/** Whether the test an attempt belongs to is one of the selected tests. */
export function checkTestId(testId: unknown, filters: CallbackFilters): FilterResult {
	if (!filters.testIds.length) return PASS;
	const id = Number(testId);
	return filters.testIds.includes(id)
		? PASS
		: { pass: false, reason: `test ${String(testId ?? 'unknown')} is not among the selected tests` };
}

/** Splits "292930, 1134601" into ids; returns the entries that are not ids separately. */
export function parseIdList(value: unknown): { ids: number[]; invalid: string[] } {
	const entries = String(value ?? '')
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
	const ids: number[] = [];
	const invalid: string[] = [];
	for (const entry of entries) {
		const id = /^\d+$/.test(entry) ? Number(entry) : NaN;
		if (Number.isSafeInteger(id) && id > 0) ids.push(id);
		else invalid.push(entry);
	}
	return { ids, invalid };
}

/** Splits "Expert, Intermediate" into category names. */
export function parseTextList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

function normalise(text: string): string {
	return text.trim().toLowerCase();
}
