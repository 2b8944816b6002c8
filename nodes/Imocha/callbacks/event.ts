import type { IDataObject } from 'n8n-workflow';

import { field } from '../api/read';
import { asUtcTimestamp } from '../api/dateTime';
import { readCallbackRecord } from './body';
import { eventOf, isFinalEvent, isNotStarted, type CallbackEvent } from './status';

/** The callback as received (https://developer.imocha.io/callback-notification-1174961m0), plus a few fields that save the next node work. */
export interface CallbackEventData extends IDataObject {
	/** The invitation id as a number, whatever casing or form iMocha sent it in. */
	testInvitationId: number;
	/** The status as iMocha sent it ("" when it sent null). */
	status: string;
	/** A fixed name for the status: notStarted (null or empty status), inProgress, complete, terminated, testLeft, or unknown. */
	event: CallbackEvent | 'notStarted' | 'unknown';
	/** Whether the attempt is over (Complete, Terminated or Test Left). */
	isFinal: boolean;
	/** CandidateScore / TotalScore as a percentage with two decimals; null while there is no score. */
	scorePercentage: number | null;
	/** AttemptedOnUtc with the Z iMocha leaves off (`2020-10-09T13:21:53Z`); absent when iMocha sent none. */
	attemptedOnUtc?: string;
	receivedAt: string;
}

export type ParseResult = { ok: true; event: CallbackEventData } | { ok: false; reason: string };

/** Score fields that senders sometimes post as text ("92"): read as the numbers they are. */
const NUMERIC_FIELDS = ['CandidateScore', 'TotalScore'];

/**
 * Reads a callback body (see readCallbackRecord for the shapes accepted). Requires an integer
 * TestInvitationId and a Status field; a Status that is null or empty means the attempt has not
 * started (event "notStarted"), as client code reading iMocha treats it. Keeps every field iMocha
 * sent; numeric text in the score fields becomes a number. Field names are matched
 * case-insensitively: ASP.NET services like iMocha's may switch to camelCase, and a mismatch must
 * not silently drop events.
 */
export function parseCallback(body: unknown, rawBody?: unknown, now = new Date()): ParseResult {
	const found = readCallbackRecord(body, rawBody);
	if (!found) return { ok: false, reason: 'The body is not a JSON object' };
	const record = withNumbers(found);

	const id = toInteger(field(record, 'TestInvitationId'));
	if (id === undefined) return { ok: false, reason: 'TestInvitationId is missing or not a positive integer' };
	const status = field(record, 'Status');
	const statusKnown = Object.keys(record).some((key) => key.toLowerCase() === 'status');
	if (!statusKnown || (status !== null && typeof status !== 'string')) {
		return { ok: false, reason: 'Status is missing or not a text' };
	}

	const notStarted = isNotStarted(status);
	const event = notStarted ? undefined : eventOf(status as string);
	const attemptedOnUtc = asUtcTimestamp(field(record, 'AttemptedOnUtc'));
	// One casing per field in the output: the camelCase keys below replace iMocha's own.
	const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !/^(testinvitationid|status)$/i.test(key)));
	return {
		ok: true,
		event: {
			...rest,
			testInvitationId: id,
			status: typeof status === 'string' ? status : '',
			event: notStarted ? 'notStarted' : (event ?? 'unknown'),
			isFinal: isFinalEvent(event),
			scorePercentage: percentage(field(record, 'CandidateScore'), field(record, 'TotalScore')),
			...(attemptedOnUtc ? { attemptedOnUtc } : {}),
			receivedAt: now.toISOString(),
		},
	};
}

function withNumbers(record: IDataObject): IDataObject {
	const copy: IDataObject = { ...record };
	for (const key of Object.keys(copy)) {
		const value = copy[key];
		if (NUMERIC_FIELDS.some((name) => name.toLowerCase() === key.toLowerCase()) && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
			copy[key] = Number(value);
		}
	}
	return copy;
}

function toInteger(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

function percentage(score: unknown, total: unknown): number | null {
	if (typeof score !== 'number' || typeof total !== 'number' || total <= 0) return null;
	return Math.round((score / total) * 10_000) / 100;
}
