import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ImochaTrigger } from '../../../nodes/Imocha/ImochaTrigger.node';
import { SAMPLE_COMPLETE } from '../../../nodes/Imocha/callbacks/samples';
import { SAMPLE_IN_PROGRESS } from '../../helpers/callbackSamples';
import type { Sandbox } from '../../../sandbox/server';
import { sandboxCredentials, testSandbox } from '../../helpers/runNode';
import { createRunContext, createWebhookContext, ProcessedStore, type WebhookOptions } from '../../helpers/webhookContext';

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

type CallOptions = Partial<Omit<WebhookOptions, 'credentials'>> & {
	secret?: string;
	/** The de-duplication store of the n8n instance (its database); one per test unless shared. */
	store?: ProcessedStore;
	/** Another n8n process (a second webhook processor or worker): the trigger module loaded anew. */
	node?: ImochaTrigger;
};

/**
 * One callback as n8n handles it: the trigger's webhook(); when it hands over items, n8n answers
 * with its webhookResponse once the run exists, and the run's first step is the trigger's execute().
 * `json` is what the run emits (undefined when it emits nothing).
 */
async function call(options: CallOptions = {}) {
	const node = options.node ?? trigger;
	const credentials = sandboxCredentials(sandbox, { callbackSecret: options.secret ?? SECRET });
	const parameters = { path: 'imocha-callbacks', ...(options.parameters ?? {}) };
	const context = createWebhookContext({ body: SEEDED, query: { token: SECRET }, ...options, parameters, credentials, properties: node.description.properties });
	const result = await node.webhook.call(context);
	let emitted: INodeExecutionData[] | undefined;
	let runContext: ReturnType<typeof createRunContext> | undefined;
	if (result.workflowData) {
		expect(context.response.headersSent).toBe(false);
		context.getResponseObject().status(200).json(result.webhookResponse);
		runContext = createRunContext({
			parameters,
			credentials,
			properties: node.description.properties,
			staticData: context.staticData,
			workflowId: options.workflowId,
			mode: options.mode,
			items: result.workflowData[0],
			store: options.store ?? new ProcessedStore(),
		});
		[emitted] = await node.execute.call(runContext);
	}
	return { context, runContext, result, emitted, response: context.response, json: emitted?.[0]?.json };
}

/** Only the webhook half: what n8n gets before it creates (or fails to create) the run. */
async function webhookOnly(options: { staticData?: IDataObject; parameters?: Record<string, unknown> } = {}) {
	const context = createWebhookContext({
		body: SEEDED,
		query: { token: SECRET },
		staticData: options.staticData,
		parameters: { path: 'imocha-callbacks', ...(options.parameters ?? {}) },
		credentials: sandboxCredentials(sandbox, { callbackSecret: SECRET }),
		properties: trigger.description.properties,
	});
	return trigger.webhook.call(context);
}

/** The run of items webhook() handed over, as n8n runs it in `mode`. */
function runOf(shared: { store: ProcessedStore; staticData: IDataObject }, items: INodeExecutionData[], mode: 'webhook' | 'retry') {
	const credentials = sandboxCredentials(sandbox, { callbackSecret: SECRET });
	return createRunContext({ ...shared, mode, parameters: { path: 'imocha-callbacks' }, credentials, properties: trigger.description.properties, items });
}

/** The trigger as another n8n process loads it: its own module state, the same store. */
function inAnotherProcess(): ImochaTrigger {
	let other!: ImochaTrigger;
	jest.isolateModules(() => {
		other = new (require('../../../nodes/Imocha/ImochaTrigger.node') as typeof import('../../../nodes/Imocha/ImochaTrigger.node')).ImochaTrigger();
	});
	return other;
}

describe('token', () => {
	it('starts a run and answers 200 when the token matches', async () => {
		const { result, response, json } = await call();
		expect(response).toEqual({ statusCode: 200, body: { received: true, started: true }, headersSent: true });
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.workflowData).toHaveLength(1);
		const others = Object.fromEntries(Object.entries(SEEDED).filter(([key]) => key !== 'TestInvitationId' && key !== 'Status'));
		expect(json).toMatchObject({ ...others, testInvitationId: 2655161, status: 'Complete', event: 'complete', isFinal: true });
		expect(json).not.toHaveProperty('Status');
	});

	it.each([
		['missing', {}],
		['wrong', { token: 'nope' }],
		['empty', { token: '' }],
	])('answers 401 and starts no run when the token is %s', async (_, query) => {
		const { context, result, response } = await call({ query });
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({
			message: expect.stringMatching(/^Missing or invalid callback token \((missing|wrong) token\)$/),
			hint: expect.stringContaining('?token=<Callback Secret'),
		});
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

describe('callbacks in the shapes senders really use', () => {
	const text = JSON.stringify({ ...SEEDED, CandidateScore: '92', TotalScore: '115' });

	it('starts a run for JSON posted as a form (curl -d): n8n made the text one form key, the raw body is read', async () => {
		const { result, response, json } = await call({ body: { [text]: '' }, rawBody: Buffer.from(text) });
		expect(response.statusCode).toBe(200);
		expect(result.workflowData).toHaveLength(1);
		expect(json).toMatchObject({ testInvitationId: 2655161, CandidateScore: 92, scorePercentage: 80, attemptedOnUtc: '2020-10-09T13:21:53Z' });
	});

	it('passes a Minimum Score filter with scores sent as text ("CandidateScore":"92" of "115" is 80%)', async () => {
		const { result, json } = await call({ body: { [text]: '' }, rawBody: Buffer.from(text), parameters: { filters: { minScorePercentage: 75 } } });
		expect(result.workflowData).toHaveLength(1);
		expect(json?.scorePercentage).toBe(80);
	});

	it('starts a run for form-encoded fields', async () => {
		const form = 'TestInvitationId=2655161&Status=Complete&CandidateScore=92&TotalScore=115&PerformanceCategory=Expert';
		const fields = Object.fromEntries(new URLSearchParams(form));
		const { result, json } = await call({ body: fields, rawBody: Buffer.from(form), parameters: { filters: { minScorePercentage: 80, performanceCategories: 'expert' } } });
		expect(result.workflowData).toHaveLength(1);
		expect(json).toMatchObject({ testInvitationId: 2655161, CandidateScore: 92, scorePercentage: 80 });
	});

	it('still answers 400 and starts no run for a form that is not a callback', async () => {
		const { result, response } = await call({ body: { name: 'x', email: 'y@example.com' }, rawBody: Buffer.from('name=x&email=y%40example.com') });
		expect(response.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});

	it.each([null, ''])('answers 200 without a run for a callback whose Status is %p (not started), even with every status selected', async (Status) => {
		const { result, response } = await call({
			body: { TestInvitationId: 2655161, Status },
			parameters: { statuses: ['inProgress', 'complete', 'terminated', 'testLeft'] },
		});
		expect(response).toMatchObject({ statusCode: 200, body: { received: true, started: false, reason: 'the attempt has not started (empty status)' } });
		expect(result.workflowData).toBeUndefined();
	});
});

describe('sample event', () => {
	it('answers an empty POST to the test URL with the sample Complete event', async () => {
		const { result, json } = await call({ body: undefined, mode: 'manual' });
		expect(result.workflowData).toHaveLength(1);
		const others = Object.fromEntries(Object.entries(SAMPLE_COMPLETE).filter(([key]) => key !== 'TestInvitationId' && key !== 'Status'));
		expect(json).toMatchObject({ ...others, testInvitationId: 331469, sample: true, event: 'complete' });
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
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ event: 'testLeft', status: 'TestLeft' });
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
	/** One n8n instance: its database's store and one workflow, shared by the calls of a test. */
	const instance = () => ({ store: new ProcessedStore(), staticData: {} as IDataObject });

	it("emits one event for iMocha's retries of the same callback, and answers the later ones without a run", async () => {
		const shared = instance();
		const outcomes: string[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			const { result, response, emitted } = await call(shared);
			expect(response.statusCode).toBe(200);
			outcomes.push(!result.workflowData ? 'no run' : emitted?.length ? 'emitted' : 'run, nothing emitted');
		}
		expect(outcomes).toEqual(['emitted', 'no run', 'no run', 'no run', 'no run', 'no run']);
		// The key, and the mark of the delivery that won it (claim.ts, claimKeys).
		expect([...shared.store.lists.values()]).toEqual([['2655161:complete', expect.stringMatching(/^2655161:complete\|[0-9a-f-]{36}$/)]]);
	});

	it('emits one event when the same callback arrives several times at once (each gets a run; the claims queue)', async () => {
		const shared = instance();
		const results = await Promise.all([1, 2, 3].map(() => call(shared)));
		expect(results.every(({ result }) => result.workflowData)).toBe(true);
		expect(results.map(({ emitted }) => emitted?.length)).toEqual(expect.arrayContaining([1, 0, 0]));
		expect(results.filter(({ emitted }) => emitted?.length).length).toBe(1);
	});

	it('emits nothing for a repeat that reaches another n8n process: the shared store knows it', async () => {
		const shared = instance();
		const other = inAnotherProcess();
		const first = await call(shared);
		const repeat = await call({ ...shared, node: other });
		expect(first.emitted).toHaveLength(1);
		expect(repeat.result.workflowData).toHaveLength(1);
		expect(repeat.emitted).toEqual([]);
		expect(repeat.runContext!.logger.infos.join('\n')).toMatch(/2655161:complete was already handled by an earlier run/);
		expect(repeat.runContext!.hints).toEqual([{ message: expect.stringMatching(/^Already handled by an earlier run \(Test Invitation ID:status 2655161:complete\)/), location: 'outputPane' }]);
		expect(first.runContext!.hints).toEqual([]);
	});

	it('answers the duplicate with reason "duplicate"', async () => {
		const shared = instance();
		await call(shared);
		const { response } = await call(shared);
		expect(response.body).toEqual({ received: true, started: false, reason: 'duplicate' });
	});

	it('treats "Test Left" and "TestLeft" as the same event', async () => {
		const shared = instance();
		const parameters = { statuses: ['testLeft'] };
		const first = await call({ ...shared, parameters, body: { ...SEEDED, Status: 'Test Left' } });
		const second = await call({ ...shared, parameters, body: { ...SEEDED, Status: 'TestLeft' } });
		expect([first.emitted?.length ?? 0, second.emitted?.length ?? 0]).toEqual([1, 0]);
	});

	it('does not take a retry for a duplicate when the first callback got no run (n8n could not create it)', async () => {
		const shared = instance();
		// n8n got the items but failed to create the run: no execute(), and n8n answers 500 itself.
		expect((await webhookOnly(shared)).workflowData).toHaveLength(1);
		const retry = await call(shared);
		expect(retry.emitted).toHaveLength(1);
	});

	it('emits again in a run the user retries from the executions list (e.g. one that crashed after its claim)', async () => {
		const shared = instance();
		const first = await call(shared);
		const [emitted] = await trigger.execute.call(runOf(shared, first.result.workflowData![0], 'retry'));
		expect(emitted.map((item) => item.json.testInvitationId)).toEqual([2655161]);
		// A later repeat through the webhook is still a duplicate.
		expect((await call(shared)).emitted).toBeUndefined();
	});

	it('claims in a retried run, so a replay after the retry is a duplicate even when the first run never claimed', async () => {
		const shared = instance();
		// n8n created the run, then crashed before its first step; the user retries it.
		const items = (await webhookOnly(shared)).workflowData![0];
		expect((await trigger.execute.call(runOf(shared, items, 'retry')))[0]).toHaveLength(1);
		// The replay reaches a process that has no memory of the retry: only the store decides.
		const fresh = inAnotherProcess();
		const replay = await call({ ...shared, node: fresh });
		expect(replay.emitted).toEqual([]);
	});

	it('emits nothing when the crashed run of a repeat is retried: the retry carries the repeat\'s delivery, not the winner\'s', async () => {
		const shared = instance();
		const other = inAnotherProcess();
		const first = await call(shared);
		const repeat = await call({ ...shared, node: other });
		expect([first.emitted?.length, repeat.emitted?.length]).toEqual([1, 0]);
		const [retried] = await trigger.execute.call(runOf(shared, repeat.result.workflowData![0], 'retry'));
		expect(retried).toEqual([]);
		// The repeat's mark was taken back: only the winner's key and mark stay.
		expect([...shared.store.lists.values()][0]).toEqual(['2655161:complete', expect.stringMatching(/^2655161:complete\|/)]);
	});

	it('emits again when n8n re-runs the winning step with its stored input, whatever the mode', async () => {
		const shared = instance();
		const first = await call(shared);
		// n8n's retry re-runs a trigger step whose output was never saved (its crash recovery gives
		// run 0 a placeholder item); in queue mode a stalled job could re-run it in mode 'webhook'.
		for (const mode of ['retry', 'webhook'] as const) {
			const [again] = await trigger.execute.call(runOf(shared, first.result.workflowData![0], mode));
			expect(again.map((item) => item.json.testInvitationId)).toEqual([2655161]);
		}
	});

	it('keeps the delivery ID in the run\'s input (what n8n stores and a retry reuses) and out of the event', async () => {
		const first = await call(instance());
		expect(first.result.workflowData![0][0].json).toHaveProperty('__imochaDelivery', expect.stringMatching(/^[0-9a-f-]{36}$/));
		expect(first.json).not.toHaveProperty('__imochaDelivery');
	});

	it('does not de-duplicate with a window of 0', async () => {
		const shared = instance();
		const parameters = { options: { dedupeHours: 0 } };
		await call({ ...shared, parameters });
		const { emitted } = await call({ ...shared, parameters });
		expect(emitted).toHaveLength(1);
		expect(shared.store.lists.size).toBe(0);
	});

	it('does not claim callbacks posted to the test URL, so building a workflow never hides a real callback', async () => {
		const shared = instance();
		const test = await call({ ...shared, mode: 'manual' });
		const again = await call({ ...shared, mode: 'manual' });
		const real = await call(shared);
		expect([test.emitted?.length, again.emitted?.length, real.emitted?.length]).toEqual([1, 1, 1]);
	});

	it('shows a callback posted to the test URL even when production already handled it', async () => {
		const shared = instance();
		const real = await call(shared);
		const test = await call({ ...shared, mode: 'manual' });
		expect(real.emitted).toHaveLength(1);
		expect(test.response.body).toEqual({ received: true, started: true });
		expect(test.emitted).toHaveLength(1);
	});

	it('does not remember filtered callbacks', async () => {
		const shared = instance();
		await call({ ...shared, body: SAMPLE_IN_PROGRESS });
		expect(shared.store.lists.size).toBe(0);
		const selected = await call({ ...shared, body: SAMPLE_IN_PROGRESS, parameters: { statuses: ['inProgress'] } });
		expect(selected.emitted).toHaveLength(1);
	});
});

describe('enrichment', () => {
	it('adds the JSON report and the PDF in the run, after n8n answered iMocha', async () => {
		const { emitted, response, json } = await call({ parameters: { options: { includeReport: true, includePdf: true, reportType: 3 } } });
		expect(response).toMatchObject({ statusCode: 200, body: { received: true, started: true } });
		expect(json?.report).toMatchObject({ testInvitationId: 2655161, testId: 292930, candidatePoints: 92, sections: expect.any(Array) });
		expect(json?.enrichmentError).toBeUndefined();
		const binary = emitted?.[0]?.binary?.data;
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: 'imocha-report-2655161.pdf' });
		expect(Buffer.from(binary!.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/reports/2655161', 'GET /v3/reports/2655161/pdf']);
		expect(sandbox.requests[0].query).toEqual({ reportType: '3' });
	});

	it('fetches nothing before the run exists, so slow enrichment never delays the answer to iMocha', async () => {
		const result = await webhookOnly({ parameters: { options: { includeReport: true, includePdf: true } } });
		expect(result).toMatchObject({ webhookResponse: { received: true, started: true } });
		expect(sandbox.requests).toEqual([]);
	});

	it('puts the PDF in the chosen binary field', async () => {
		const { emitted } = await call({ parameters: { options: { includePdf: true, binaryPropertyName: 'report' } } });
		expect(Object.keys(emitted?.[0]?.binary ?? {})).toEqual(['report']);
	});

	it('reuses the report fetched for the test filter instead of fetching it twice', async () => {
		const { json } = await call({ parameters: { filters: { testIds: '292930' }, options: { includeReport: true } } });
		expect(json?.report).toMatchObject({ testId: 292930 });
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/v3/reports/2655161']);
	});

	it('still emits the event, recording enrichmentError, when both fetches fail', async () => {
		const { emitted, json } = await call({
			body: { ...SAMPLE_COMPLETE, TestInvitationId: 999001 },
			parameters: { options: { includeReport: true, includePdf: true } },
		});
		expect(emitted).toHaveLength(1);
		expect(json).toMatchObject({ testInvitationId: 999001, event: 'complete' });
		expect(json?.report).toBeUndefined();
		expect(emitted?.[0]?.binary).toBeUndefined();
		const errors = json?.enrichmentError as IDataObject;
		expect(Object.keys(errors).sort()).toEqual(['pdf', 'report']);
		expect(errors.report).toMatch(/999001 not found/);
		expect(errors.pdf).toMatch(/999001 not found/);
	});

	it('keeps the report when only the PDF fails', async () => {
		sandbox.faults.inject(/\/pdf$/, { kind: 'status', status: 500 }, 5);
		const { json, emitted } = await call({ parameters: { options: { includeReport: true, includePdf: true } } });
		expect(json?.report).toMatchObject({ testInvitationId: 2655161 });
		expect(Object.keys(json?.enrichmentError as object)).toEqual(['pdf']);
		expect(emitted?.[0]?.binary).toBeUndefined();
	});

	it('records an enrichment error, and attaches no file, when iMocha labels an empty body application/pdf', async () => {
		sandbox.faults.inject(/\/pdf$/, { kind: 'raw', status: 200, contentType: 'application/pdf', body: '' });
		const { json, emitted } = await call({ parameters: { options: { includePdf: true } } });
		expect((json?.enrichmentError as IDataObject).pdf).toMatch(/empty application\/pdf body/);
		expect(emitted?.[0]?.binary).toBeUndefined();
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
