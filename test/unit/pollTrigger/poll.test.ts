import type { IDataObject } from 'n8n-workflow';

import { ImochaPollTrigger } from '../../../nodes/Imocha/ImochaPollTrigger.node';
import { MANUAL_LIMIT, pollDedupeLimits } from '../../../nodes/Imocha/pollTrigger/poll';
import type { Sandbox } from '../../../sandbox/server';
import type { Invitation, InvitationStatus } from '../../../sandbox/state';
import { sandboxCredentials, testSandbox } from '../../helpers/runNode';
import { createPollContext } from '../../helpers/webhookContext';

const node = new ImochaPollTrigger();
const HOUR = 3600_000;
const IMOCHA_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let sandbox: Sandbox;
let seededCount: number;
beforeAll(async () => {
	sandbox = await testSandbox();
	seededCount = sandbox.state.invitations.length;
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.state.invitations.length = seededCount;
	sandbox.requests.length = 0;
	sandbox.faults.reset();
});

let nextId = 7_100_000;
function addAttempt(status: InvitationStatus, hoursAgo: number, extra: Partial<Invitation> = {}): number {
	const id = ++nextId;
	sandbox.state.invitations.push({
		testInvitationId: id,
		testId: 292930,
		testLinkId: 0,
		email: `c${id}@example.com`,
		name: `Candidate ${id}`,
		status,
		invitationType: 'api',
		sendEmail: 'no',
		hideInstruction: 0,
		updatedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'),
		...(status === 'Complete' ? { candidatePoints: 70, totalTestPoints: 115, performanceCategory: 'Intermediate' } : {}),
		...extra,
	});
	return id;
}

async function poll(options: { staticData?: IDataObject; parameters?: IDataObject; mode?: 'manual' | 'trigger' } = {}) {
	const context = createPollContext({
		parameters: options.parameters ?? {},
		credentials: sandboxCredentials(sandbox),
		properties: node.description.properties,
		staticData: options.staticData,
		mode: options.mode ?? 'trigger',
	});
	const result = await node.poll.call(context);
	const items = result?.[0] ?? [];
	return { context, result, items, ids: items.map((item) => item.json.testInvitationId) };
}

const attemptCalls = () => sandbox.requests.filter((request) => request.path === '/v3/candidates/testattempts');

describe('window and cursor', () => {
	it('first poll reads the look-back window for each selected state and stores the cursor', async () => {
		const completed = addAttempt('Complete', 1);
		const cancelled = addAttempt('Cancelled', 2);
		const expired = addAttempt('Expired', 3);
		addAttempt('Complete', 30); // outside the default 24 h look-back
		const staticData: IDataObject = {};
		const before = Date.now();
		const { items } = await poll({ staticData });

		expect(items.map((item) => [item.json.testInvitationId, item.json.state, item.json.testStatus])).toEqual([
			[completed, 'completed', 'Completed'],
			[cancelled, 'cancelled', 'Cancelled'],
			[expired, 'expired', 'Expired'],
		]);
		expect(items[0].json).toEqual({
			state: 'completed',
			testInvitationId: completed,
			testId: 292930,
			name: `Candidate ${completed}`,
			email: `c${completed}@example.com`,
			invitationtype: 'api',
			testStatus: 'Completed',
		});
		const calls = attemptCalls();
		expect(calls.map((call) => [call.method, call.query.state])).toEqual([
			['POST', 'completed'],
			['POST', 'cancelled'],
			['POST', 'expired'],
		]);
		const body = calls[0].body as IDataObject;
		expect(Object.keys(body)).toEqual(['StartDateTime', 'EndDateTime']);
		expect(body.StartDateTime).toMatch(IMOCHA_UTC);
		expect(body.EndDateTime).toMatch(IMOCHA_UTC);
		expect(Date.parse(body.EndDateTime as string) - Date.parse(body.StartDateTime as string)).toBe(24 * HOUR);
		expect(Math.abs(Date.parse(body.EndDateTime as string) - before)).toBeLessThan(5000);
		expect(staticData.cursor).toBe(body.EndDateTime);
	});

	it('later polls start at cursor minus the overlap and emit nothing twice', async () => {
		const staticData: IDataObject = {};
		const first = addAttempt('Complete', 0.5);
		expect((await poll({ staticData })).ids).toEqual([first]);

		sandbox.requests.length = 0;
		const previousCursor = staticData.cursor as string;
		const again = await poll({ staticData, parameters: { options: { overlapMinutes: 90 } } });
		expect(again.result).toBeNull();
		const body = attemptCalls()[0].body as IDataObject;
		expect(Date.parse(previousCursor) - Date.parse(body.StartDateTime as string)).toBe(90 * 60_000);
		expect(staticData.cursor).toBe(body.EndDateTime);

		const second = addAttempt('Complete', 0);
		expect((await poll({ staticData })).ids).toEqual([second]);
		expect((await poll({ staticData })).result).toBeNull();
		expect(Object.keys(staticData.seen as object).sort()).toEqual([`${first}:completed:complete`, `${second}:completed:complete`]);
	});

	it('uses cursor - overlap as the window start', async () => {
		const cursor = new Date(Date.now() - 2 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
		await poll({ staticData: { cursor }, parameters: { options: { overlapMinutes: 30 } } });
		const body = attemptCalls()[0].body as IDataObject;
		expect(Date.parse(cursor) - Date.parse(body.StartDateTime as string)).toBe(30 * 60_000);
	});

	it('emits an attempt again when its status changes (an expired invitation re-invited and completed)', async () => {
		const staticData: IDataObject = {};
		const id = addAttempt('Expired', 1);
		expect((await poll({ staticData })).ids).toEqual([id]);
		const invitation = sandbox.state.invitations.find((entry) => entry.testInvitationId === id)!;
		invitation.status = 'Complete';
		invitation.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
		const { items } = await poll({ staticData });
		expect(items.map((item) => [item.json.testInvitationId, item.json.state])).toEqual([[id, 'completed']]);
	});

	it('keeps its memory bounded, with keys that outlive the overlap', () => {
		expect(pollDedupeLimits(60)).toEqual({ ttlMs: 7 * 24 * HOUR, maxKeys: 10_000 });
		expect(pollDedupeLimits(10 * 24 * 60).ttlMs).toBe(20 * 24 * HOUR);
	});
});

describe('states and filters', () => {
	it('queries only the selected states', async () => {
		addAttempt('Complete', 1);
		const cancelled = addAttempt('Cancelled', 1);
		const { ids } = await poll({ parameters: { states: ['cancelled'] } });
		expect(ids).toEqual([cancelled]);
		expect(attemptCalls().map((call) => call.query.state)).toEqual(['cancelled']);
	});

	it('filters on test IDs and invitation source', async () => {
		const wanted = addAttempt('Complete', 1, { invitationType: 'app' });
		addAttempt('Complete', 1, { invitationType: 'api' });
		addAttempt('Complete', 1, { invitationType: 'app', testId: 1134601 });
		const { ids } = await poll({ parameters: { filters: { testIds: '292930', invitationTypes: ['app'] } } });
		expect(ids).toEqual([wanted]);
	});

	it('refuses test IDs that are not numbers', async () => {
		await expect(poll({ parameters: { filters: { testIds: 'abc' } } })).rejects.toThrow('Test IDs must be numbers: abc');
	});

	it('refuses an empty state selection', async () => {
		await expect(poll({ parameters: { states: [] } })).rejects.toThrow('Select at least one state to poll for');
	});
});

describe('errors', () => {
	it('active mode: a transient error logs, returns null and moves nothing; the next poll catches up', async () => {
		const id = addAttempt('Complete', 1);
		const staticData: IDataObject = {};
		sandbox.faults.inject(/testattempts/, { kind: 'status', status: 503 }, 2);
		const failed = await poll({ staticData });
		expect(failed.result).toBeNull();
		expect(failed.context.logger.warnings[0]).toMatch(/skipped this poll after a temporary error/);
		expect(staticData).toEqual({});
		expect((await poll({ staticData })).ids).toEqual([id]);
	});

	it('active mode: a failure on a later state records nothing from the earlier ones', async () => {
		const id = addAttempt('Complete', 1);
		const staticData: IDataObject = {};
		// "completed" succeeds, "cancelled" fails on both tries.
		let calls = 0;
		const original = sandbox.faults.takeScripted.bind(sandbox.faults);
		sandbox.faults.takeScripted = (request) =>
			request.path === '/v3/candidates/testattempts' && request.query.state === 'cancelled' && ++calls <= 2
				? { kind: 'status', status: 502 }
				: original(request);
		try {
			expect((await poll({ staticData })).result).toBeNull();
		} finally {
			sandbox.faults.takeScripted = original;
		}
		expect(staticData).toEqual({});
		expect((await poll({ staticData })).ids).toEqual([id]);
	});

	it('active mode: a network error is transient too', async () => {
		sandbox.faults.inject(/testattempts/, { kind: 'reset' }, 2);
		expect((await poll()).result).toBeNull();
	});

	it('active mode: a refused key is not transient and surfaces', async () => {
		sandbox.faults.inject(/testattempts/, { kind: 'status', status: 401, body: { result: null, errors: ['Date & time is not invalid or incorrect format'] } });
		await expect(poll()).rejects.toThrow(/Date & time is not invalid or incorrect format/);
	});

	it('manual mode: errors are thrown, transient ones included', async () => {
		sandbox.faults.inject(/testattempts/, { kind: 'status', status: 503 }, 2);
		await expect(poll({ mode: 'manual' })).rejects.toThrow();
	});

	it('throws when iMocha answers 200 with errors', async () => {
		sandbox.faults.inject(/testattempts/, { kind: 'status', status: 200, body: { result: null, errors: ['Something is off'] } });
		await expect(poll()).rejects.toThrow('iMocha refused Retrieve Invites: Something is off');
	});
});

describe('manual mode', () => {
	it('reads the look-back window without touching the cursor or the memory, and shows at most 10', async () => {
		for (let index = 0; index < MANUAL_LIMIT + 3; index++) addAttempt('Complete', 1);
		const staticData: IDataObject = { cursor: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
		const { items } = await poll({ staticData, mode: 'manual' });
		expect(items).toHaveLength(MANUAL_LIMIT);
		expect(Object.keys(staticData)).toEqual(['cursor']);
		const body = attemptCalls()[0].body as IDataObject;
		expect(Date.parse(body.EndDateTime as string) - Date.parse(body.StartDateTime as string)).toBe(24 * HOUR);
	});
});

describe('enrichment', () => {
	it('adds the report and PDF to completed attempts only, and records failures without losing the item', async () => {
		const completed = addAttempt('Complete', 1);
		const cancelled = addAttempt('Cancelled', 1);
		sandbox.faults.inject(new RegExp(`/v3/reports/${completed}/pdf$`), { kind: 'status', status: 404, body: { statusCode: 404, message: 'No PDF' } });
		const { items } = await poll({ parameters: { options: { includeReport: true, includePdf: true } } });
		expect(items.map((item) => item.json.testInvitationId)).toEqual([completed, cancelled]);
		expect(items[0].json.report).toMatchObject({ testInvitationId: completed, candidatePoints: 70 });
		expect(items[0].json.enrichmentError).toEqual({ pdf: expect.stringMatching(/No PDF/) });
		expect(items[1].json.report).toBeUndefined();
		expect(items[1].json.enrichmentError).toBeUndefined();
		expect(sandbox.requests.filter((request) => request.path.startsWith('/v3/reports')).map((request) => request.path)).toEqual([
			`/v3/reports/${completed}`,
			`/v3/reports/${completed}/pdf`,
		]);
	});

	it('adds the PDF as binary', async () => {
		const completed = addAttempt('Complete', 1);
		const { items } = await poll({ parameters: { states: ['completed'], options: { includePdf: true } } });
		expect(items[0].binary?.data).toMatchObject({ fileName: `imocha-report-${completed}.pdf`, mimeType: 'application/pdf' });
	});
});
