import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { getReport } from '../api/assessment';
import { field } from '../api/read';
import { parseCallback, type CallbackEventData } from '../callbacks/event';
import { checkCallback, checkTestId } from '../callbacks/filter';
import { SAMPLE_COMPLETE } from '../callbacks/samples';
import { checkToken } from '../callbacks/token';
import { CALLBACK_TOKEN_PARAMETER } from '../callbacks/url';
import { callbackKey, claimedRecently, claimScope, DELIVERY_FIELD, newDelivery } from './claim';
import { readSettings } from './settings';

const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

/** What n8n answers iMocha once the run exists (the webhook declares `responseData: ''`, so n8n sends this). */
export const STARTED: IDataObject = { received: true, started: true };

/**
 * One callback from iMocha, before any run: token, body, filters, and repeats this process has
 * already claimed are answered here (401, 400, or 200 with `started: false` and the reason).
 * A callback that passes is handed to n8n as the run's input without an answer: n8n answers
 * `STARTED` only after it has created the run (n8n 2.x, webhook-helpers.js `executeWebhook`,
 * `shouldDeferOnReceivedResponse`; n8n 1.x answers before creating it, as its Webhook node does).
 */
export async function handleCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const res = this.getResponseObject();
	const reply = (status: number, body: IDataObject): IWebhookResponseData => {
		res.status(status).json(body);
		return ANSWERED;
	};

	const credentials = await this.getCredentials('imochaApi');
	const query = this.getQueryData() as IDataObject;
	const token = checkToken(String(credentials.callbackSecret ?? ''), query[CALLBACK_TOKEN_PARAMETER]);
	if (token === 'missing' || token === 'wrong') {
		this.logger.warn(`iMocha Trigger refused a callback: ${token} token`);
		return reply(401, {
			message: `Missing or invalid callback token (${token} token)`,
			hint: "Add ?token=<Callback Secret of this trigger's iMocha credential> to the URL. Invitations sent by the iMocha node carry it already; while the editor listens, a POST without it starts nothing.",
		});
	}

	const request = this.getRequestObject();
	// n8n reads the body of a version-1 webhook node whatever its type, of later versions only
	// JSON, form, text and XML (n8n 2.40.7 `webhook-helpers.js`, `parseRequestBody`): the rest, such
	// as a POST with no content type, is read here so body.ts sees the same bytes in every version.
	if (request.rawBody === undefined && request.readable && typeof request.readRawBody === 'function') await request.readRawBody();
	const body = this.getBodyData();
	const sampleRequested = this.getMode() === 'manual' && isEmpty(body) && isEmpty(request.rawBody);
	const parsed = parseCallback(sampleRequested ? SAMPLE_COMPLETE : body, request.rawBody);
	if (!parsed.ok) return reply(400, { message: `Malformed iMocha callback: ${parsed.reason}` });
	const event: CallbackEventData = sampleRequested ? { ...parsed.event, sample: true } : parsed.event;

	const settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
	const local = checkCallback(event, settings.filters);
	if (!local.pass) return reply(200, { received: true, started: false, reason: local.reason });

	const key = callbackKey(event);
	const scope = claimScope(this.getWorkflow().id, this.getNode().name);
	// The editor's test URL is never de-duplicated: what a user posts while building must show.
	if (this.getMode() !== 'manual' && claimedRecently(scope, key, settings.dedupe)) {
		return reply(200, { received: true, started: false, reason: 'duplicate' });
	}

	const extra: IDataObject = {};
	if (settings.filters.testIds.length) {
		let report: IDataObject | undefined;
		try {
			report = await getReport(this, event.testInvitationId, { reportType: settings.enrich.reportType });
		} catch (error) {
			// The event is kept rather than lost: the next node sees why the test was not checked.
			extra.filterError = `The test filter could not be checked: ${(error as Error).message}`;
			this.logger.warn(`iMocha Trigger: ${extra.filterError as string}`);
		}
		if (report) {
			const byTest = checkTestId(field(report, 'testId'), settings.filters);
			if (!byTest.pass) return reply(200, { received: true, started: false, reason: byTest.reason });
			// Fetched already: the run's enrichment uses it instead of asking iMocha again.
			if (settings.enrich.report && event.isFinal) extra.report = report;
		}
	}

	// No answer here: n8n answers with webhookResponse once it has created the run (and 500 when it
	// cannot), so iMocha retries every callback that has no run. The run's first step (execute())
	// claims the callback and fetches the report. The delivery ID lets a retry of this run be told
	// from a repeat of the callback (claim.ts, `claimKeys`).
	return { workflowData: [[{ json: { ...event, ...extra, [DELIVERY_FIELD]: newDelivery() } }]], webhookResponse: STARTED };
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (Buffer.isBuffer(value) || typeof value === 'string') return value.toString().trim() === '';
	return typeof value === 'object' && Object.keys(value).length === 0;
}
