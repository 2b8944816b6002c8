/**
 * Callback load for the trigger benchmark and the crash test: finished attempts posted the way
 * iMocha posts them (sandbox/callbacks.ts: one try, then 5 back-to-back retries on failure).
 */
import { deliverCallback } from '../../sandbox/callbacks';
import type { Invitation, SandboxState } from '../../sandbox/state';
import { inParallel } from './measure';

/** A completed attempt with a distinct invitation ID, as the sandbox builds its callback. */
export function completedInvitation(testInvitationId: number, callbackUrl: string): Invitation {
	const now = new Date().toISOString();
	return {
		testInvitationId,
		testId: 1134601,
		testLinkId: 0,
		email: `load-${testInvitationId}@bench.example.com`,
		name: `Load ${testInvitationId}`,
		status: 'Complete',
		invitationType: 'api',
		callbackUrl,
		sendEmail: 'no',
		hideInstruction: 0,
		updatedAt: now,
		attemptedOn: now,
		candidatePoints: 80,
		totalTestPoints: 100,
		performanceCategory: 'Intermediate',
	};
}

export interface LoadResult {
	/** First post to last answer (after retries), ms. */
	answeredMs: number;
	startedAt: number;
	delivered: number;
	/** Callbacks that needed a retry (first answer not 2xx or no answer). */
	retried: number;
	/** Callbacks given up after 1 + 5 attempts. */
	undelivered: number;
	/** testInvitationId of every callback given up. */
	undeliveredIds: Set<number>;
}

/**
 * Posts one completed-attempt callback per ID to `urlFor(id)`, `concurrency` callbacks at a time.
 * `onDelivered(count)` is called after each callback answered 2xx (the crash test's cue).
 */
export async function postCallbacks(
	ids: number[],
	urlFor: (id: number) => string,
	concurrency: number,
	onDelivered: (count: number) => void = () => {},
): Promise<LoadResult> {
	const state = { callbacks: [] } as unknown as SandboxState;
	const startedAt = Date.now();
	let delivered = 0;
	await inParallel(ids, concurrency, async (id) => {
		if (await deliverCallback(state, completedInvitation(id, urlFor(id)))) onDelivered(++delivered);
	});
	const entries = state.callbacks;
	return {
		answeredMs: Date.now() - startedAt,
		startedAt,
		delivered: entries.filter((entry) => entry.delivered).length,
		retried: entries.filter((entry) => entry.attempts > 1).length,
		undelivered: entries.filter((entry) => !entry.delivered).length,
		undeliveredIds: new Set(entries.filter((entry) => !entry.delivered).map((entry) => Number(entry.payload.TestInvitationId))),
	};
}
