import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { retrieveInvites, toImochaUtc, type AttemptState } from '../api/assessment';
import { field } from '../api/read';
import { isDuplicate, seenKeysIn, type DedupeLimits } from '../callbacks/dedupe';
import { statusKey } from '../callbacks/status';
import { enrich } from '../reports/enrich';
import type { EnrichOptions } from '../reports/options';

export interface PollSettings {
	states: AttemptState[];
	testIds: number[];
	invitationTypes: string[];
	lookBackHours: number;
	overlapMinutes: number;
	enrich: EnrichOptions;
}

/** Static-data keys. */
const CURSOR = 'cursor';
const SEEN = 'seen';

/** Manual runs show at most this many attempts, so a wide look-back stays quick. */
export const MANUAL_LIMIT = 10;

/** Keys must outlive the overlap, or an attempt seen again in the overlap would be emitted twice. */
export function pollDedupeLimits(overlapMinutes: number): DedupeLimits {
	return { ttlMs: Math.max(7 * 24 * 3600_000, 2 * overlapMinutes * 60_000), maxKeys: 10_000 };
}

/**
 * One poll. Active mode reads the window [cursor - overlap, now], emits attempts not seen before
 * and moves the cursor to `now`, all only once every state was read: a failed call changes
 * nothing, so the next poll covers the same window. Manual mode reads the look-back window and
 * changes nothing. Errors are thrown; the node decides which ones an active workflow survives.
 */
export async function pollAttempts(context: IPollFunctions, settings: PollSettings, now = new Date()): Promise<INodeExecutionData[] | null> {
	const manual = context.getMode() === 'manual';
	const staticData = context.getWorkflowStaticData('node');
	const cursor = manual ? undefined : parseCursor(staticData[CURSOR]);
	const start = cursor
		? new Date(cursor.getTime() - settings.overlapMinutes * 60_000)
		: new Date(now.getTime() - settings.lookBackHours * 3600_000);

	const found: IDataObject[] = [];
	for (const state of settings.states) {
		for (const attempt of await retrieveInvites(context, state, { start: toImochaUtc(start), end: toImochaUtc(now) })) {
			if (matches(attempt, settings)) found.push({ state, ...attempt });
		}
	}

	let fresh = found;
	if (manual) {
		fresh = found.slice(0, MANUAL_LIMIT);
	} else {
		const seen = seenKeysIn(staticData, SEEN);
		const limits = pollDedupeLimits(settings.overlapMinutes);
		const at = now.getTime();
		fresh = found.filter((attempt) => !isDuplicate(seen, keyOf(attempt), limits, at));
		staticData[CURSOR] = toImochaUtc(now);
	}
	if (!fresh.length) return null;

	const items: INodeExecutionData[] = [];
	for (const attempt of fresh) items.push(await toItem(context, attempt, settings.enrich));
	return items;
}

function keyOf(attempt: IDataObject): string {
	return `${String(field(attempt, 'testInvitationId'))}:${String(attempt.state)}:${statusKey(String(field(attempt, 'testStatus') ?? ''))}`;
}

function matches(attempt: IDataObject, settings: PollSettings): boolean {
	if (settings.testIds.length && !settings.testIds.includes(Number(field(attempt, 'testId')))) return false;
	if (settings.invitationTypes.length) {
		const type = String(field(attempt, 'invitationtype') ?? '').toLowerCase();
		if (!settings.invitationTypes.includes(type)) return false;
	}
	return true;
}

/** Completed attempts can carry their report and PDF; cancelled and expired ones have none. */
async function toItem(context: IPollFunctions, attempt: IDataObject, options: EnrichOptions): Promise<INodeExecutionData> {
	const id = Number(field(attempt, 'testInvitationId'));
	if (attempt.state !== 'completed' || !(options.report || options.pdf) || !Number.isSafeInteger(id)) return { json: attempt };
	const added = await enrich(context, id, options);
	return added.binary ? { json: { ...attempt, ...added.json }, binary: added.binary } : { json: { ...attempt, ...added.json } };
}

function parseCursor(value: unknown): Date | undefined {
	if (typeof value !== 'string') return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}
