import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { imochaRequest } from '../transport';
import { field } from '../callbacks/event';

/** The `state` values of Retrieve Invites (reference §7.2, older page). */
export type AttemptState = 'completed' | 'cancelled' | 'expired';

export const ATTEMPT_STATES: readonly AttemptState[] = ['completed', 'cancelled', 'expired'];

/** `YYYY-MM-ddTHH:mm:ssZ`, the documented request format (reference §1.5): no milliseconds. */
export function toImochaUtc(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * POST /v3/candidates/testattempts?state=... with the date window in the body (reference §7.2).
 * A read despite the POST, so the transport may retry it. Returns `result.testAttempts`.
 */
export async function retrieveInvites(context: IPollFunctions, state: AttemptState, start: Date, end: Date): Promise<IDataObject[]> {
	const response = await imochaRequest<IDataObject>(context, {
		method: 'POST',
		path: '/v3/candidates/testattempts',
		qs: { state },
		body: { StartDateTime: toImochaUtc(start), EndDateTime: toImochaUtc(end) },
		idempotent: true,
	});
	const errors = field(response, 'errors');
	if (Array.isArray(errors) && errors.length) {
		throw new NodeOperationError(context.getNode(), `iMocha refused Retrieve Invites: ${errors.map(String).join('; ')}`);
	}
	const result = field(response, 'result');
	const attempts = result && typeof result === 'object' ? field(result as IDataObject, 'testAttempts') : undefined;
	if (attempts === undefined || attempts === null) return [];
	if (!Array.isArray(attempts)) {
		throw new NodeOperationError(context.getNode(), 'iMocha answered Retrieve Invites without a testAttempts list', {
			description: 'The answer did not have the documented shape { result: { testAttempts: [...] } }.',
		});
	}
	return attempts.filter((attempt): attempt is IDataObject => !!attempt && typeof attempt === 'object');
}
