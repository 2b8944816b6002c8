import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { collectPages, imochaBinaryRequest, imochaRequest, readEnvelope, type BinaryResponse, type ImochaContext } from '../transport';
import { field } from './read';

/**
 * The Skills Assessment API, one function per endpoint: each owns its method and path, whether it
 * is safe to send twice (the transport retries only those on 5xx and network errors), and how
 * its answer is read. Operations, pickers and triggers all call these, never the transport
 * directly. Each path is written once, below, with the iMocha page it follows; where iMocha's
 * page was unavailable the comment says so and README.md lists the assumption under "Unverified".
 */

const TESTS = '/v3/tests';
const test = (testId: number) => `${TESTS}/${testId}`;
const REPORTS = '/v3/reports';
const report = (testInvitationId: number) => `${REPORTS}/${testInvitationId}`;
const INVITATIONS = '/v3/invitations';
const ACCOUNTS = '/v3/accounts';

/** Get All Reports pages up to 100 records (third-party evidence; Get Reports By TestId assumed the same). */
export const MAX_REPORTS_PAGE_SIZE = 100;

/** `YYYY-MM-ddTHH:mm:ssZ`, the documented request format: no milliseconds. */
export function toImochaUtc(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Tests: only the settings pages are available (https://developer.imocha.io/retrieve-test-settings-18117064e0)

/**
 * GET /v3/tests. Its page was unavailable: the `tests` array (sometimes under `result`) comes
 * from third-party clients, and no paging parameters are documented, so none are sent.
 */
export async function listTests(context: ImochaContext, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject>(context, { method: 'GET', path: TESTS, itemIndex });
	const wrapped = (body?.result as IDataObject | undefined)?.tests;
	const tests = Array.isArray(body?.tests) ? body.tests : Array.isArray(wrapped) ? wrapped : [];
	return tests as IDataObject[];
}

/**
 * GET /v3/tests/{testId}. Retrieve a test's page was unavailable: the path is inferred from REST
 * convention beside the documented /v3/tests/{testId}/settings.
 */
export function getTest(context: ImochaContext, testId: number, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'GET', path: test(testId), itemIndex });
}

/** GET /v3/tests/{testId}/settings: the whole settings object. */
export function getTestSettings(context: ImochaContext, testId: number, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'GET', path: `${test(testId)}/settings`, itemIndex });
}

/**
 * POST /v3/tests/{testId}/settings (https://developer.imocha.io/api/update-test-settings):
 * replaces the whole object. Sending the same object twice leaves the same settings, so a retry
 * is harmless. The answer's body is undocumented (only "201 Created").
 */
export async function updateTestSettings(context: ImochaContext, testId: number, settings: IDataObject, itemIndex: number): Promise<void> {
	await imochaRequest(context, { method: 'POST', path: `${test(testId)}/settings`, body: settings, itemIndex, idempotent: true });
}

/**
 * GET /v3/tests/{testId}/testlinks (https://developer.imocha.io/list-all-test-links-18117829e0):
 * the whole list, no paging documented.
 */
export async function listTestLinks(context: ImochaContext, testId: number, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject>(context, { method: 'GET', path: `${test(testId)}/testlinks`, itemIndex });
	return Array.isArray(body?.testLinks) ? (body.testLinks as IDataObject[]) : [];
}

// Invitations: https://developer.imocha.io/invite-candidate-18117335e0 and the pages named below

/**
 * POST /v3/tests/{testId}/invite. iMocha documents re-inviting an email as returning the same
 * invitation (reopened when cancelled or expired), so a retry is harmless. An answer without
 * `testInvitationId` counts as malformed.
 */
export function inviteByDefaultLink(context: ImochaContext, testId: number, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, {
		method: 'POST',
		path: `${test(testId)}/invite`,
		body,
		itemIndex,
		idempotent: true,
		requiredFields: ['testInvitationId'],
	});
}

/**
 * POST /v3/tests/{testId}/testlinks/{testLinkId}/invite
 * (https://developer.imocha.io/invite-candidate-by-test-link-18117806e0). Re-inviting an email
 * through the same link returns the same invitation: safe to retry.
 */
export function inviteByTestLink(
	context: ImochaContext,
	testId: number,
	testLinkId: number,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, {
		method: 'POST',
		path: `${test(testId)}/testlinks/${testLinkId}/invite`,
		body,
		itemIndex,
		idempotent: true,
		requiredFields: ['testInvitationId'],
	});
}

/**
 * POST /v3/invitations/{id}/reattempt (https://developer.imocha.io/reattempt-test-18118150e0).
 * Not safe to repeat: after a finished attempt every call may open another invitation.
 */
export function reattemptInvitation(context: ImochaContext, testInvitationId: number, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'POST', path: `${INVITATIONS}/${testInvitationId}/reattempt`, body, itemIndex });
}

/**
 * POST /v3/invitations/{id}/cancel (https://developer.imocha.io/cancel-invitation-18118063e0),
 * no body: the path names the invitation.
 */
export function cancelInvitation(context: ImochaContext, testInvitationId: number, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'POST', path: `${INVITATIONS}/${testInvitationId}/cancel`, itemIndex });
}

// Reports: https://developer.imocha.io/retrieve-candidate-test-report-18157698e0

/** GET /v3/reports/{testInvitationId}; `reportType` 1, 2 or 3 (left out: iMocha's default). */
export function getReport(
	context: ImochaContext,
	testInvitationId: number,
	options: { reportType?: number; itemIndex?: number } = {},
): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, {
		method: 'GET',
		path: report(testInvitationId),
		...(options.reportType !== undefined ? { qs: { reportType: options.reportType } } : {}),
		itemIndex: options.itemIndex,
	});
}

/**
 * GET /v3/reports/{testInvitationId}/pdf. The PDF report's page was unavailable: the path comes
 * from third-party code, and the answer may be the file or JSON holding a link (reports/pdf.ts
 * reads both).
 */
export function getReportPdf(context: ImochaContext, testInvitationId: number, itemIndex?: number): Promise<BinaryResponse> {
	return imochaBinaryRequest(context, { method: 'GET', path: `${report(testInvitationId)}/pdf`, itemIndex });
}

/** A PDF link iMocha itself returned; the caller checked it is on a host the API key may go to. */
export function downloadReportLink(context: ImochaContext, url: URL, itemIndex?: number): Promise<BinaryResponse> {
	return imochaBinaryRequest(context, { method: 'GET', path: url.pathname, url: url.toString(), itemIndex });
}

/** The filters Get All Reports takes, in iMocha's names (UTC date-times). */
export interface ReportQuery {
	startDate?: string;
	endDate?: string;
	includeSections?: boolean;
}

/**
 * GET /v3/reports (all tests) or GET /v3/tests/{testId}/reports (one test), following the pages:
 * `PageNo` from 1, `PageSize` up to 100, the envelope holds `reports[]` and `hasNextPage`
 * (Get All Reports, third-party evidence; Get Reports By TestId is assumed to page the same way).
 */
export function listReports(
	context: ImochaContext,
	scope: { testId?: number },
	query: ReportQuery,
	paging: { returnAll: boolean; limit: number },
	itemIndex: number,
): Promise<IDataObject[]> {
	const path = scope.testId === undefined ? REPORTS : `${test(scope.testId)}/reports`;
	return collectPages(
		async ({ pageNumber, pageSize }) => {
			const body = await imochaRequest<IDataObject>(context, {
				method: 'GET',
				path,
				qs: { PageNo: pageNumber, PageSize: pageSize, ...query },
				itemIndex,
			});
			return readEnvelope<IDataObject>(body, 'reports');
		},
		{ ...paging, maxPageSize: MAX_REPORTS_PAGE_SIZE },
	);
}

// Callback API: https://developer.imocha.io/process-callbacks-18160642e0, https://developer.imocha.io/api/candidates-test-attempts

/** Process Callbacks takes at most 100 invitation IDs per call. */
export const MAX_CALLBACK_IDS_PER_CALL = 100;

/**
 * POST /v3/callbacks/process: asks iMocha to send the invitations' callbacks again. Not marked
 * safe to repeat (a repeat sends the callbacks twice). Returns `result.testinvitationIds`:
 * `{ successful, failed }`.
 */
export async function processCallbacks(context: ImochaContext, testInvitationIds: number[], itemIndex: number): Promise<IDataObject> {
	const response = await imochaRequest<IDataObject>(context, {
		method: 'POST',
		path: '/v3/callbacks/process',
		body: { testinvitationIds: testInvitationIds },
		itemIndex,
	});
	return ((response.result as IDataObject)?.testinvitationIds ?? {}) as IDataObject;
}

/** The `state` values of Retrieve Invites. */
export type AttemptState = 'completed' | 'cancelled' | 'expired';

export const ATTEMPT_STATES: readonly AttemptState[] = ['completed', 'cancelled', 'expired'];

/**
 * POST /v3/candidates/testattempts?state=... with the UTC window in the body. A read despite the
 * POST, so the transport may retry it; the whole range comes in one answer (no paging is
 * documented). Returns `result.testAttempts`; an answer with `errors` or without that list is
 * refused.
 */
export async function retrieveInvites(
	context: ImochaContext,
	state: AttemptState,
	window: { start: string; end: string },
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await imochaRequest<IDataObject>(context, {
		method: 'POST',
		path: '/v3/candidates/testattempts',
		qs: { state },
		body: { StartDateTime: window.start, EndDateTime: window.end },
		itemIndex,
		idempotent: true,
	});
	const errors = field(response, 'errors');
	if (Array.isArray(errors) && errors.length) {
		throw new NodeOperationError(context.getNode(), `iMocha refused Retrieve Invites: ${errors.map(String).join('; ')}`, { itemIndex });
	}
	const result = field(response, 'result');
	const attempts = result && typeof result === 'object' ? field(result as IDataObject, 'testAttempts') : undefined;
	if (attempts === undefined || attempts === null) return [];
	if (!Array.isArray(attempts)) {
		throw new NodeOperationError(context.getNode(), 'iMocha answered Retrieve Invites without a testAttempts list', {
			itemIndex,
			description: 'The answer did not have the documented shape { result: { testAttempts: [...] } }.',
		});
	}
	return attempts.filter((attempt): attempt is IDataObject => !!attempt && typeof attempt === 'object');
}

// GDPR: https://developer.imocha.io/api/gdpr-process

/** POST /v3/gdpr/requests. Masking runs asynchronously; the answer only confirms the request was queued. */
export function requestDataMasking(context: ImochaContext, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'POST', path: '/v3/gdpr/requests', body, itemIndex });
}

// Account: https://developer.imocha.io/get-all-business-units-18160806e0 and the user pages named below

/**
 * GET /v3/timezones. List timezones' page was unavailable: assumed to answer
 * `{ timezones: [{ timeZoneId, timeZoneName }] }`; a bare array is accepted too.
 */
export async function listTimezones(context: ImochaContext, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject | IDataObject[]>(context, { method: 'GET', path: '/v3/timezones', itemIndex });
	if (Array.isArray(body)) return body;
	return Array.isArray(body?.timezones) ? (body.timezones as IDataObject[]) : [];
}

/** GET /v3/accounts/business-units: `{ businessUnits: [...], count }`, no paging. */
export async function listBusinessUnits(context: ImochaContext, itemIndex?: number): Promise<IDataObject[]> {
	const body = await imochaRequest<IDataObject>(context, { method: 'GET', path: `${ACCOUNTS}/business-units`, itemIndex });
	return Array.isArray(body?.businessUnits) ? (body.businessUnits as IDataObject[]) : [];
}

/** POST /v3/accounts/user/create (https://developer.imocha.io/create-new-user-18160861e0): not safe to repeat. */
export function createUser(context: ImochaContext, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'POST', path: `${ACCOUNTS}/user/create`, body, itemIndex });
}

/** POST /v3/accounts/user/update (https://developer.imocha.io/update-user-18161003e0): same body, same result. */
export function updateUser(context: ImochaContext, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'POST', path: `${ACCOUNTS}/user/update`, body, itemIndex, idempotent: true });
}

/**
 * POST /v3/accounts/user/status (https://developer.imocha.io/active-inactive-user-18161035e0):
 * `status` is `Active` or `Inactive`, case-sensitive; same body, same result.
 */
export function setUserStatus(context: ImochaContext, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	return imochaRequest<IDataObject>(context, { method: 'POST', path: `${ACCOUNTS}/user/status`, body, itemIndex, idempotent: true });
}
