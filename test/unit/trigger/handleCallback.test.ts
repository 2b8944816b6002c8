import type { IDataObject } from 'n8n-workflow';

import { ImochaTrigger } from '../../../nodes/Imocha/ImochaTrigger.node';
import { SAMPLE_COMPLETE } from '../../../nodes/Imocha/callbacks/samples';
import { SAMPLE_IN_PROGRESS } from '../../helpers/callbackSamples';
import type { Sandbox } from '../../../sandbox/server';
import { sandboxCredentials, testSandbox } from '../../helpers/runNode';
import { createWebhookContext, type WebhookOptions } from '../../helpers/webhookContext';

const trigger = new ImochaTrigger();
const SECRET = 'cb-s3cret';

/** A finished attempt seeded in the sandbox: test 292930, 92 of 115 points, Expert. */
const SEEDED = { ...SAMPLE_COMPLETE, TestInvitationId: 2655161, CandidateScore: 92, TotalScore: 115, PerformanceCategory: 'Expert' };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await testSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.requests.length = 0;
	sandbox.faults.reset();
});

type CallOptions = Partial<Omit<WebhookOptions, 'credentials'>> & { secret?: string; onResponse?: () => void };

async function call(options: CallOptions = {}) {
	const context = createWebhookContext({
		body: SEEDED,
		query: { token: SECRET },
		...options,
		parameters: { path: 'imocha-callbacks', ...(options.parameters ?? {}) },
		credentials: sandboxCredentials(sandbox, { callbackSecret: options.secret ?? SECRET }),
		properties: trigger.description.properties,
	});
	if (options.onResponse) {
		const res = context.getResponseObject() as any;
		const json = res.json.bind(res);
		res.json = (body: unknown) => {
			options.onResponse!();
			return json(body);
		};
	}
	const result = await trigger.webhook.call(context);
	return { context, result, response: context.response, json: result.workflowData?.[0]?.[0]?.json as IDataObject | undefined };
}

describe('token', () => {
	it('starts a run and answers 200 when the token matches', async () => {
		const { result, response, json } = await call();
		expect(response).toEqual({ statusCode: 200, body: { received: true, started: true }, headersSent: true });
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData).toHaveLength(1);
		expect(json).toMatchObject({ ...SEEDED, testInvitationId: 2655161, event: 'complete', isFinal: true });
	});

	it.each([
		['missing', {}],
		['wrong', { token: 'nope' }],
		['empty', { token: '' }],
	])('answers 401 and starts no run when the token is %s', async (_, query) => {
		const { context, result, response } = await call({ query });
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ message: 'Missing or invalid callback token' });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(context.logger.warnings[0]).toMatch(/refused a callback/);
	});

	it('does not remember refused callbacks, so a forged one cannot block the real one', async () => {
		const staticData: IDataObject = {};
		await call({ query: { token: 'forged' }, staticData });
		expect(staticData).toEqual({});
		const { result } = await call({ staticData });
		expect(result.workflowData).toHaveLength(1);
	});

	it('accepts callbacks without a token when the credential has no Callback Secret', async () => {
		const { result, response } = await call({ secret: '', query: {} });
		expect(response.statusCode).toBe(200);
		expect(result.workflowData).toHaveLength(1);
	});
});

describe('malformed bodies', () => {
	it.each([
		['not JSON', { body: undefined, rawBody: '{"TestInvitationId": 1,' }, 'The body is not a JSON object'],
		['an array', { body: [SEEDED] }, 'The body is not a JSON object'],
		['without TestInvitationId', { body: { Status: 'Complete' } }, 'TestInvitationId is missing or not a positive integer'],
		['without Status', { body: { TestInvitationId: 5 } }, 'Status is missing or not a text'],
	])('answers 400 and starts no run for a body %s', async (_, options, reason) => {
		const { result, response } = await call(options as CallOptions);
		expect(response.statusCode).toBe(400);
		expect(response.body).toEqual({ message: `Malformed iMocha callback: ${reason}` });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('answers 400 to an empty body outside the editor', async () => {
		const { response } = await call({ body: undefined, mode: 'webhook' });
		expect(response.statusCode).toBe(400);
	});

	it('checks the token before reading the body', async () => {
		const { response } = await call({ body: 'garbage', query: {} });
		expect(response.statusCode).toBe(401);
	});

	it('accepts JSON sent as text (no application/json content type)', async () => {
		const { result } = await call({ body: JSON.stringify(SEEDED) });
		expect(result.workflowData?.[0]?.[0]?.json.testInvitationId).toBe(2655161);
	});
});

describe('sample event', () => {
	it('answers an empty POST to the test URL with the sample Complete event', async () => {
		const { result, json } = await call({ body: undefined, mode: 'manual' });
		expect(result.workflowData).toHaveLength(1);
		expect(json).toMatchObject({ ...SAMPLE_COMPLETE, sample: true, event: 'complete' });
	});
});

describe('filters', () => {
	it('answers 200 without a run for In Progress by default', async () => {
		const { result, response } = await call({ body: SAMPLE_IN_PROGRESS });
		expect(response).toMatchObject({ statusCode: 200, body: { received: true, started: false, reason: 'status "In Progress" is not among the selected statuses' } });
		expect(result.workflowData).toBeUndefined();
	});

	it('starts a run for In Progress when selected', async () => {
		const { result } = await call({ body: SAMPLE_IN_PROGRESS, parameters: { statuses: ['inProgress'] } });
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ event: 'inProgress', isFinal: false });
	});

	it('accepts the undocumented spelling "TestLeft" for Test Left', async () => {
		const { result } = await call({ body: { ...SEEDED, Status: 'TestLeft' }, parameters: { statuses: ['testLeft'] } });
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ event: 'testLeft', Status: 'TestLeft' });
	});

	it('filters on minimum score and performance category without calling iMocha', async () => {
		const low = await call({ parameters: { filters: { minScorePercentage: 90 } } });
		expect(low.response.body).toEqual({ received: true, started: false, reason: 'score 80% is below the minimum of 90%' });
		const category = await call({ parameters: { filters: { performanceCategories: 'Beginner, Intermediate' } } });
		expect(category.result.workflowData).toBeUndefined();
		const both = await call({ parameters: { filters: { minScorePercentage: 80, performanceCategories: 'expert' } } });
		expect(both.result.workflowData).toHaveLength(1);
		expect(sandbox.requests).toEqual([]);
	});

	it('reads the report to filter on test IDs, and starts a run only for listed tests', async () => {
		const listed = await call({ parameters: { filters: { testIds: '292930, 1134601' } } });
		expect(listed.result.workflowData).toHaveLength(1);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`)).toEqual(['GET /v3/reports/2655161 {"reportType":"1"}']);

		const other = await call({ parameters: { filters: { testIds: '1134601' } } });
		expect(other.response.body).toEqual({ received: true, started: false, reason: 'test 292930 is not among the selected tests' });
		expect(other.result.workflowData).toBeUndefined();
	});

	it('keeps the event, with filterError, when the report lookup for the test filter fails', async () => {
		sandbox.faults.inject(/GET \/v3\/reports\/2655161$/, { kind: 'status', status: 403, body: { errors: ['Forbidden for this key'] } });
		const { result, response, json, context } = await call({ parameters: { filters: { testIds: '1134601' } } });
		expect(response.statusCode).toBe(200);
		expect(result.workflowData).toHaveLength(1);
		expect(json?.filterError).toMatch(/^The test filter could not be checked: .*Forbidden for this key/);
		expect(context.logger.warnings.join('\n')).toMatch(/test filter could not be checked/);
	});
});

describe('de-duplication', () => {
	it('starts one run for iMocha\'s retries of the same callback', async () => {
		const staticData: IDataObject = {};
		const runs: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			const { result, response } = await call({ staticData });
			expect(response.statusCode).toBe(200);
			runs.push(result.workflowData ? 1 : 0);
		}
		expect(runs).toEqual([1, 0, 0, 0, 0, 0]);
		expect(Object.keys(staticData.seen as object)).toEqual(['2655161:complete']);
	});

	it('starts one run when n8n hands concurrent callbacks separate copies of the static data', async () => {
		const workflowId = 'wf-concurrent';
		const copies: IDataObject[] = [{}, {}, {}];
		const results = await Promise.all(copies.map((staticData) => call({ staticData, workflowId })));
		expect(results.filter(({ result }) => result.workflowData).length).toBe(1);
		// Every copy n8n saves carries the key, so a save by any of them keeps it.
		for (const staticData of copies) expect(Object.keys(staticData.seen as object)).toContain('2655161:complete');
	});

	it('answers the duplicate with reason "duplicate"', async () => {
		const staticData: IDataObject = {};
		await call({ staticData });
		const { response } = await call({ staticData });
		expect(response.body).toEqual({ received: true, started: false, reason: 'duplicate' });
	});

	it('treats "Test Left" and "TestLeft" as the same event', async () => {
		const staticData: IDataObject = {};
		const parameters = { statuses: ['testLeft'] };
		const first = await call({ staticData, parameters, body: { ...SEEDED, Status: 'Test Left' } });
		const second = await call({ staticData, parameters, body: { ...SEEDED, Status: 'TestLeft' } });
		expect([!!first.result.workflowData, !!second.result.workflowData]).toEqual([true, false]);
	});

	it('starts a run again once the window has passed', async () => {
		const staticData: IDataObject = { seen: { '2655161:complete': Date.now() - 2 * 3600_000 } };
		const { result } = await call({ staticData, parameters: { options: { dedupeHours: 1 } } });
		expect(result.workflowData).toHaveLength(1);
	});

	it('does not de-duplicate with a window of 0', async () => {
		const staticData: IDataObject = {};
		const parameters = { options: { dedupeHours: 0 } };
		await call({ staticData, parameters });
		const { result } = await call({ staticData, parameters });
		expect(result.workflowData).toHaveLength(1);
	});

	it('does not remember filtered callbacks', async () => {
		const staticData: IDataObject = {};
		await call({ staticData, body: SAMPLE_IN_PROGRESS });
		expect(staticData.seen).toBeUndefined();
	});
});

describe('enrichment', () => {
	it('adds the JSON report and the PDF before emitting, after answering iMocha', async () => {
		const { result, response, json } = await call({ parameters: { options: { includeReport: true, includePdf: true, reportType: 3 } } });
		expect(response).toMatchObject({ statusCode: 200, body: { received: true, started: true } });
		expect(json?.report).toMatchObject({ testInvitationId: 2655161, testId: 292930, candidatePoints: 92, sections: expect.any(Array) });
		expect(json?.enrichmentError).toBeUndefined();
		const binary = result.workflowData?.[0]?.[0]?.binary?.data;
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: 'imocha-report-2655161.pdf' });
		expect(Buffer.from(binary!.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/reports/2655161', 'GET /v3/reports/2655161/pdf']);
		expect(sandbox.requests[0].query).toEqual({ reportType: '3' });
	});

	it('answers iMocha before fetching anything, so slow enrichment never causes a retry', async () => {
		let requestsWhenAnswered = -1;
		await call({
			parameters: { options: { includeReport: true, includePdf: true } },
			onResponse: () => (requestsWhenAnswered = sandbox.requests.length),
		});
		expect(requestsWhenAnswered).toBe(0);
		expect(sandbox.requests).toHaveLength(2);
	});

	it('puts the PDF in the chosen binary field', async () => {
		const { result } = await call({ parameters: { options: { includePdf: true, binaryPropertyName: 'report' } } });
		expect(Object.keys(result.workflowData?.[0]?.[0]?.binary ?? {})).toEqual(['report']);
	});

	it('reuses the report fetched for the test filter instead of fetching it twice', async () => {
		const { json } = await call({ parameters: { filters: { testIds: '292930' }, options: { includeReport: true } } });
		expect(json?.report).toMatchObject({ testId: 292930 });
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v3/reports/2655161']);
	});

	it('still emits the event, recording enrichmentError, when both fetches fail', async () => {
		const { result, json } = await call({
			body: { ...SAMPLE_COMPLETE, TestInvitationId: 999001 },
			parameters: { options: { includeReport: true, includePdf: true } },
		});
		expect(result.workflowData).toHaveLength(1);
		expect(json).toMatchObject({ TestInvitationId: 999001, event: 'complete' });
		expect(json?.report).toBeUndefined();
		expect(result.workflowData?.[0]?.[0]?.binary).toBeUndefined();
		const errors = json?.enrichmentError as IDataObject;
		expect(Object.keys(errors).sort()).toEqual(['pdf', 'report']);
		expect(errors.report).toMatch(/999001 not found/);
		expect(errors.pdf).toMatch(/999001 not found/);
	});

	it('keeps the report when only the PDF fails', async () => {
		sandbox.faults.inject(/\/pdf$/, { kind: 'status', status: 500 }, 5);
		const { json, result } = await call({ parameters: { options: { includeReport: true, includePdf: true } } });
		expect(json?.report).toMatchObject({ testInvitationId: 2655161 });
		expect(Object.keys(json?.enrichmentError as object)).toEqual(['pdf']);
		expect(result.workflowData?.[0]?.[0]?.binary).toBeUndefined();
	});

	it('does not enrich In Progress events (no report exists yet)', async () => {
		const { json } = await call({ body: SAMPLE_IN_PROGRESS, parameters: { statuses: ['inProgress'], options: { includeReport: true, includePdf: true } } });
		expect(json?.report).toBeUndefined();
		expect(sandbox.requests).toEqual([]);
	});
});

describe('failures inside the trigger', () => {
	it('answers 500 (so iMocha retries) and logs, instead of crashing, when the credential cannot be read', async () => {
		const context = createWebhookContext({
			body: SEEDED,
			parameters: {},
			credentials: {},
			properties: trigger.description.properties,
		});
		(context as any).getCredentials = async () => {
			throw new Error('Credential not found');
		};
		const result = await trigger.webhook.call(context);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(context.response).toMatchObject({ statusCode: 500, body: { message: 'The iMocha Trigger could not process the callback' } });
		expect(context.logger.errors[0]).toMatch(/Credential not found/);
	});
});
