/**
 * iMocha's status literals, matched in this one place. The callback page (https://developer.imocha.io/callback-notification-1174961m0) shows only
 * "In Progress" and "Complete" as callback literals; "Terminated" and "Test Left" are named in
 * prose only, and the report API spells the latter "TestLeft". So statuses are compared with
 * case, spaces, hyphens and underscores ignored, and "Completed" (Retrieve Invites' spelling,
 * https://developer.imocha.io/api/candidates-test-attempts) counts as Complete. Unverified against live iMocha: listed in the README.
 */
export type CallbackEvent = 'inProgress' | 'complete' | 'terminated' | 'testLeft';

export const FINAL_EVENTS: readonly CallbackEvent[] = ['complete', 'terminated', 'testLeft'];

const EVENT_BY_KEY: Record<string, CallbackEvent> = {
	inprogress: 'inProgress',
	complete: 'complete',
	completed: 'complete',
	terminated: 'terminated',
	testleft: 'testLeft',
};

const squash = (status: string): string => status.toLowerCase().replace(/[\s_-]+/g, '');

/** The event a status literal stands for, or undefined for a status this package does not know. */
export function eventOf(status: string): CallbackEvent | undefined {
	return EVENT_BY_KEY[squash(status)];
}

/** A key that treats every accepted spelling of one status as the same (for de-duplication). */
export function statusKey(status: string): string {
	return eventOf(status) ?? squash(status);
}

export function isFinalEvent(event: CallbackEvent | undefined): boolean {
	return event !== undefined && FINAL_EVENTS.includes(event);
}
