import type { IDataObject } from 'n8n-workflow';

import { WEBHOOK_DEDUPE, type DedupeLimits } from '../callbacks/dedupe';
import { parseIdList, parseTextList, type CallbackFilters } from '../callbacks/filter';
import type { CallbackEvent } from '../callbacks/status';
import { readEnrichOptions, type EnrichOptions } from '../reports/options';
import { DEFAULT_EVENTS } from './description';

export interface TriggerSettings {
	filters: CallbackFilters;
	/** Test ID entries that are not ids (reported at activation, ignored at runtime). */
	invalidTestIds: string[];
	enrich: EnrichOptions;
	dedupe: DedupeLimits;
}

type ReadParameter = (name: string, fallback: unknown) => unknown;

/** Reads the trigger's parameters leniently: a webhook must answer, never throw on a setting. */
export function readSettings(read: ReadParameter): TriggerSettings {
	const filters = (read('filters', {}) ?? {}) as IDataObject;
	const options = (read('options', {}) ?? {}) as IDataObject;
	const events = read('statuses', DEFAULT_EVENTS);
	const { ids, invalid } = parseIdList(filters.testIds);
	const minScore = Number(filters.minScorePercentage);
	const hours = options.dedupeHours === undefined ? undefined : Number(options.dedupeHours);
	return {
		filters: {
			events: Array.isArray(events) ? (events as CallbackEvent[]) : DEFAULT_EVENTS,
			testIds: ids,
			minScorePercentage: Number.isFinite(minScore) && minScore > 0 ? minScore : undefined,
			performanceCategories: parseTextList(filters.performanceCategories),
		},
		invalidTestIds: invalid,
		enrich: readEnrichOptions(options),
		dedupe: {
			...WEBHOOK_DEDUPE,
			...(hours !== undefined && Number.isFinite(hours) && hours >= 0 ? { ttlMs: hours * 3600_000 } : {}),
		},
	};
}
