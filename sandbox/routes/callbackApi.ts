import { deliverCallback } from '../callbacks';
import { json, resultErrors, type Router } from '../router';
import type { Invitation, InvitationStatus, SandboxState } from '../state';
import { refreshExpiry } from './invitations';

/** Process Callbacks handles at most 100 ids per call (https://developer.imocha.io/process-callbacks-18160642e0). */
export const MAX_PROCESS_IDS = 100;

export const UNKNOWN_IDS = 'testinvitationIds does not belong to account or not found';
export const BAD_DATE = 'Date & time is not invalid or incorrect format';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The `state` query of Retrieve Invites and the statuses each value covers (https://developer.imocha.io/api/candidates-test-attempts). */
const STATES: Record<string, InvitationStatus[]> = {
	completed: ['Complete', 'Test Left', 'Terminated'],
	cancelled: ['Cancelled'],
	expired: ['Expired'],
};

/** `testStatus` as Retrieve Invites spells it; only "Completed" is shown in the reference. */
const TEST_STATUS: Partial<Record<InvitationStatus, string>> = {
	Complete: 'Completed',
	'Test Left': 'Testleft',
	Terminated: 'Terminated',
	Cancelled: 'Cancelled',
	Expired: 'Expired',
};

/**
 * Replays queued by Process Callbacks go out this many at a time, not all at once: iMocha "queues"
 * them and they "arrive shortly afterwards" (https://developer.imocha.io/process-callbacks-18160642e0);
 * its sending rate is not documented, so this number is the sandbox's own.
 */
const REPLAY_CONCURRENCY = 20;
const replayQueue: Array<() => Promise<unknown>> = [];
let replaysSending = 0;

function queueReplay(send: () => Promise<unknown>): void {
	replayQueue.push(send);
	const next = (): void => {
		while (replaysSending < REPLAY_CONCURRENCY && replayQueue.length) {
			const job = replayQueue.shift()!;
			replaysSending += 1;
			void job().finally(() => {
				replaysSending -= 1;
				next();
			});
		}
	};
	next();
}

/** Statuses that have a callback to replay: the test has at least started. */
const HAS_CALLBACK: InvitationStatus[] = ['In Progress', 'Complete', 'Terminated', 'Test Left'];

/** A date without a time part means 00:00:00 UTC, and a value without a zone is UTC. */
function parseDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || !ISO_UTC.test(value.trim())) return undefined;
	const text = value.trim();
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
	const millis = Date.parse(zoned);
	return Number.isNaN(millis) ? undefined : millis;
}

export function registerCallbackApiRoutes(router: Router, state: SandboxState): void {
	router.on('POST', '/v3/callbacks/process', ({ body }) => {
		const ids = body?.testinvitationIds;
		if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id > 0)) {
			// Not documented (inferred): the shape of this endpoint's other errors.
			return resultErrors(400, 'testinvitationIds must be a non-empty array of invitation ids');
		}
		if (ids.length > MAX_PROCESS_IDS) {
			// Whether iMocha rejects or truncates above 100 is unknown; the sandbox rejects (inferred).
			return resultErrors(400, `At most ${MAX_PROCESS_IDS} testinvitationIds can be processed per call`);
		}
		const known = ids.map((id: number) => state.invitations.find((entry) => entry.testInvitationId === id));
		const unknown = ids.filter((_: number, index: number) => !known[index]);
		if (unknown.length) return resultErrors(401, UNKNOWN_IDS, ...unknown.map(String));

		// Assumption (https://developer.imocha.io/process-callbacks-18160642e0 open point): ids with no URL or nothing to replay land in `failed`.
		const replayable = (known as Invitation[]).filter((entry) => entry.callbackUrl && HAS_CALLBACK.includes(entry.status));
		for (const invitation of replayable) queueReplay(() => deliverCallback(state, invitation));
		const successful = replayable.map((entry) => entry.testInvitationId);
		return json(200, {
			result: { testinvitationIds: { successful, failed: ids.filter((id: number) => !successful.includes(id)) } },
			errors: null,
		});
	});

	router.on('POST', '/v3/candidates/testattempts', ({ query, body }) => {
		const start = parseDate(body?.StartDateTime);
		const end = parseDate(body?.EndDateTime);
		if (start === undefined || end === undefined) return resultErrors(401, BAD_DATE);
		const wanted = STATES[(query.state ?? 'completed').toLowerCase()];
		if (!wanted) return resultErrors(400, "state must be one of 'completed', 'cancelled' or 'expired'");
		// Which timestamp the range applies to is undocumented: the sandbox uses the last status change.
		const testAttempts = state.invitations
			.map(refreshExpiry)
			.filter((entry) => wanted.includes(entry.status))
			.filter((entry) => {
				const changed = Date.parse(entry.updatedAt);
				return changed >= start && changed <= end;
			})
			.map((entry) => ({
				testInvitationId: entry.testInvitationId,
				testId: entry.testId,
				name: entry.name,
				email: entry.email,
				invitationtype: entry.invitationType,
				testStatus: TEST_STATUS[entry.status] ?? entry.status,
			}));
		return json(200, { result: { testAttempts }, errors: null });
	});
}
