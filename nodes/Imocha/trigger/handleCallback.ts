import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { getReport } from '../api/assessment';
import { field } from '../api/read';
import { isDuplicate, persistSeenKeys, sharedSeenKeys } from '../callbacks/dedupe';
import { parseCallback, type CallbackEventData } from '../callbacks/event';
import { checkCallback, checkTestId } from '../callbacks/filter';
import { SAMPLE_COMPLETE } from '../callbacks/samples';
import { statusKey } from '../callbacks/status';
import { checkToken } from '../callbacks/token';
import { CALLBACK_TOKEN_PARAMETER } from '../callbacks/url';
import { enrich } from '../reports/enrich';
import { readSettings } from './settings';

const ANSWERED: IWebhookResponseData = { noWebhookResponse: true };

/**
 * One callback from iMocha. Every path answers the HTTP request itself, and iMocha gets its 200
 * before any report is fetched, so slow enrichment never makes iMocha retry.
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
		return reply(401, { message: 'Missing or invalid callback token' });
	}

	const request = this.getRequestObject();
	const body = this.getBodyData();
	const sampleRequested = this.getMode() === 'manual' && isEmpty(body) && isEmpty(request.rawBody);
	const parsed = parseCallback(sampleRequested ? SAMPLE_COMPLETE : body, request.rawBody);
	if (!parsed.ok) return reply(400, { message: `Malformed iMocha callback: ${parsed.reason}` });
	const event: CallbackEventData = sampleRequested ? { ...parsed.event, sample: true } : parsed.event;

	const settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
	const local = checkCallback(event, settings.filters);
	if (!local.pass) return reply(200, { received: true, started: false, reason: local.reason });

	const staticData = this.getWorkflowStaticData('node');
	const seen = sharedSeenKeys(`${this.getWorkflow().id ?? ''}/${this.getNode().name}`, staticData);
	const key = `${event.testInvitationId}:${statusKey(event.status)}`;
	if (!sampleRequested) {
		const duplicate = isDuplicate(seen, key, settings.dedupe);
		persistSeenKeys(seen, staticData);
		if (duplicate) return reply(200, { received: true, started: false, reason: 'duplicate' });
	}

	let report: IDataObject | undefined;
	const extra: IDataObject = {};
	if (settings.filters.testIds.length) {
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
		}
	}

	reply(200, { received: true, started: true });
	const item: INodeExecutionData = { json: { ...event, ...extra } };
	if (event.isFinal && (settings.enrich.report || settings.enrich.pdf)) {
		const added = await enrich(this, event.testInvitationId, settings.enrich, report);
		item.json = { ...item.json, ...added.json };
		if (added.binary) item.binary = added.binary;
	}
	return { ...ANSWERED, workflowData: [[item]] };
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (Buffer.isBuffer(value) || typeof value === 'string') return value.toString().trim() === '';
	return typeof value === 'object' && Object.keys(value).length === 0;
}
