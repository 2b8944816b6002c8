import type { IDataObject } from 'n8n-workflow';

import { field } from '../api/read';
import { eventOf, isFinalEvent, type CallbackEvent } from './status';

/** The callback as received (https://developer.imocha.io/callback-notification-1174961m0), plus a few fields that save the next node work. */
export interface CallbackEventData extends IDataObject {
	/** The invitation id as a number, whatever casing or form iMocha sent it in. */
	testInvitationId: number;
	/** The status as iMocha sent it. */
	status: string;
	/** A fixed name for the status: inProgress, complete, terminated, testLeft, or unknown. */
	event: CallbackEvent | 'unknown';
	/** Whether the attempt is over (Complete, Terminated or Test Left). */
	isFinal: boolean;
	/** CandidateScore / TotalScore as a percentage with two decimals; null while there is no score. */
	scorePercentage: number | null;
	receivedAt: string;
}

export type ParseResult = { ok: true; event: CallbackEventData } | { ok: false; reason: string };

/**
 * Reads a callback body: a JSON object, or JSON text (a string or raw bytes, for senders that do
 * not label it application/json). Requires an integer TestInvitationId and a string Status; keeps
 * every field iMocha sent. Field names are matched case-insensitively: ASP.NET services like
 * iMocha's may switch to camelCase, and a mismatch must not silently drop events.
 */
export function parseCallback(body: unknown, rawBody?: unknown, now = new Date()): ParseResult {
	const record = toRecord(body) ?? toRecord(rawBody);
	if (!record) return { ok: false, reason: 'The body is not a JSON object' };

	const id = toInteger(field(record, 'TestInvitationId'));
	if (id === undefined) return { ok: false, reason: 'TestInvitationId is missing or not a positive integer' };
	const status = field(record, 'Status');
	if (typeof status !== 'string' || !status.trim()) return { ok: false, reason: 'Status is missing or not a text' };

	const event = eventOf(status);
	return {
		ok: true,
		event: {
			...record,
			testInvitationId: id,
			status,
			event: event ?? 'unknown',
			isFinal: isFinalEvent(event),
			scorePercentage: percentage(field(record, 'CandidateScore'), field(record, 'TotalScore')),
			receivedAt: now.toISOString(),
		},
	};
}

function toRecord(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null) return undefined;
	if (Buffer.isBuffer(value)) return toRecord(value.toString('utf8'));
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) return undefined;
		try {
			return toRecord(JSON.parse(text));
		} catch {
			return undefined;
		}
	}
	if (typeof value !== 'object' || Array.isArray(value)) return undefined;
	return Object.keys(value).length ? (value as IDataObject) : undefined;
}

function toInteger(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

function percentage(score: unknown, total: unknown): number | null {
	if (typeof score !== 'number' || typeof total !== 'number' || total <= 0) return null;
	return Math.round((score / total) * 10_000) / 100;
}
