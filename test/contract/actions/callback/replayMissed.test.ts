import { NodeApiError } from 'n8n-workflow';

import { GENERATED_ATTEMPTS, GENERATED_WINDOW } from '../../../../sandbox/seed';
import type { Sandbox } from '../../../../sandbox/server';
import { runImocha, testSandbox } from '../../../helpers/runNode';

const replay = (startDateTime: unknown, endDateTime: unknown) => ({
	resource: 'callback',
	operation: 'replayMissed',
	startDateTime,
	endDateTime,
});

describe('Callback > Replay Missed Results', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await testSandbox();
	});
	afterEach(() => sandbox.close());

	const generated = () =>
		sandbox.state.invitations.filter((entry) => entry.testInvitationId >= 2_500_001 && entry.testInvitationId < 2_500_001 + GENERATED_ATTEMPTS);
	const processCalls = () => sandbox.requests.filter((request) => request.path === '/v3/callbacks/process');

	it('lists completed attempts of the window, then replays them in chunks of at most 100, in one summary item', async () => {
		// Only attempts with a callback URL have something to replay (sandbox assumption, https://developer.imocha.io/process-callbacks-18160642e0).
		const withUrl = generated().filter((_, index) => index % 2 === 0);
		for (const entry of withUrl) entry.callbackUrl = 'http://127.0.0.1:9/unreachable';

		const output = await runImocha(sandbox, { parameters: replay(GENERATED_WINDOW.start, GENERATED_WINDOW.end) });

		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v3/candidates/testattempts', query: { state: 'completed' } });
		expect(sandbox.requests[0].body).toStrictEqual({ StartDateTime: GENERATED_WINDOW.start, EndDateTime: '2025-03-31T23:59:59Z' });
		const chunks = processCalls().map((request) => (request.body as { testinvitationIds: number[] }).testinvitationIds);
		expect(chunks.map((ids) => ids.length)).toEqual([100, 100, 30]);
		expect(chunks.flat().sort()).toEqual(generated().map((entry) => entry.testInvitationId).sort());
		for (const ids of chunks) expect(ids.every((id) => Number.isInteger(id))).toBe(true);

		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const summary = output[0].json as { scheduled: number[]; failed: number[] } & Record<string, unknown>;
		expect(summary).toMatchObject({ found: GENERATED_ATTEMPTS, chunks: 3, startDateTime: GENERATED_WINDOW.start });
		expect(summary.errors).toBeUndefined();
		expect([...summary.scheduled].sort()).toEqual(withUrl.map((entry) => entry.testInvitationId).sort());
		expect(summary.scheduled.length + summary.failed.length).toBe(GENERATED_ATTEMPTS);
	});

	it('keeps going when a chunk fails, reporting its IDs as failed with the error', async () => {
		sandbox.faults.inject(/^POST \/v3\/callbacks\/process$/, { kind: 'status', status: 500, body: { result: null, errors: ['boom'] } }, 1);

		const [item] = await runImocha(sandbox, { parameters: replay(GENERATED_WINDOW.start, GENERATED_WINDOW.end) });

		expect(processCalls()).toHaveLength(3);
		const firstChunk = (processCalls()[0].body as { testinvitationIds: number[] }).testinvitationIds;
		const json = item.json as { failed: number[]; scheduled: number[]; errors: Array<Record<string, unknown>> };
		expect(json.errors).toEqual([{ chunk: 1, testInvitationIds: firstChunk, message: expect.any(String) }]);
		expect(json.errors[0].message).toMatch(/boom|500|iMocha/i);
		expect(json.failed).toEqual(expect.arrayContaining(firstChunk));
		expect(json.failed).toHaveLength(GENERATED_ATTEMPTS);
		expect(json.scheduled).toEqual([]);
	});

	it('makes no Process call when the window holds no completed attempt', async () => {
		const [item] = await runImocha(sandbox, { parameters: replay('2019-01-01T00:00:00Z', '2019-01-02T00:00:00Z') });
		expect(processCalls()).toHaveLength(0);
		expect(item.json).toMatchObject({ found: 0, scheduled: [], failed: [], chunks: 0 });
	});

	it("fails with iMocha's message when the listing itself fails", async () => {
		sandbox.faults.inject(/testattempts/, { kind: 'status', status: 401, body: { result: null, errors: ['Date & time is not invalid or incorrect format'] } }, 1);
		const error = await runImocha(sandbox, { parameters: replay(GENERATED_WINDOW.start, GENERATED_WINDOW.end) }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(processCalls()).toHaveLength(0);
	});

	it('validates the window before any request', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) => [replay('yesterday', '2025-01-02'), replay('2025-02-01', '2025-01-01')][itemIndex],
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output.map((entry) => entry.json.error)).toEqual([
			expect.stringMatching(/"Start Date Time" of item 0 must be an ISO 8601 date-time/),
			expect.stringMatching(/"End Date Time" of item 1 .* must be after the Start Date Time/),
		]);
		expect(sandbox.requests).toHaveLength(0);
	});
});
