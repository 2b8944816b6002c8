import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError } from 'n8n-workflow';

import { BAD_DATE, UNKNOWN_IDS } from '../../../sandbox/routes/callbackApi';
import { SANDBOX_API_KEY } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import type { Invitation } from '../../../sandbox/state';
import { runImocha, testSandbox } from '../../helpers/runNode';

/** A tiny endpoint standing in for the user's callback URL. */
async function receiver(): Promise<{ url: string; received: unknown[]; server: Server }> {
	const received: unknown[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			res.writeHead(200).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('Callback', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	describe('Process', () => {
		const processIds = (testInvitationIds: unknown) => ({ resource: 'callback', operation: 'process', testInvitationIds });

		it('sends testinvitationIds as an array of integers and replays the callbacks asynchronously', async () => {
			const hook = await receiver();
			try {
				const [withUrl] = sandbox.state.invitations.filter((entry) => entry.status === 'Complete');
				withUrl.callbackUrl = hook.url;
				const output = await runImocha(sandbox, { parameters: processIds(`${withUrl.testInvitationId}, 2894726`) });

				expect(sandbox.requests).toHaveLength(1);
				expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v3/callbacks/process', query: {} });
				expect(sandbox.requests[0].body).toStrictEqual({ testinvitationIds: [withUrl.testInvitationId, 2894726] });
				expect(output).toEqual([
					{ json: { successful: [withUrl.testInvitationId], failed: [2894726] }, pairedItem: { item: 0 } },
				]);
				await until(() => hook.received.length === 1);
				expect(hook.received[0]).toMatchObject({ TestInvitationId: withUrl.testInvitationId, Status: 'Complete' });
			} finally {
				hook.server.close();
			}
		});

		it('accepts an array from an expression', async () => {
			await runImocha(sandbox, { parameters: processIds([2655161, '2894725']) });
			expect(sandbox.requests[0].body).toStrictEqual({ testinvitationIds: [2655161, 2894725] });
		});

		it('refuses 101 IDs and non-numeric IDs before any request, naming item and field', async () => {
			const many = Array.from({ length: 101 }, (_, index) => 3_000_000 + index);
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) => processIds([many, '12, abc', [2894726]][itemIndex]),
				items: [{ json: {} }, { json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/"Test Invitation IDs" of item 0 has 101 IDs, more than the 100/);
			expect(output[1].json.error).toMatch(/"Test Invitation IDs" of item 1 must be a positive whole number/);
			expect(output[2].json).toEqual({ successful: [], failed: [2894726] });
			expect(sandbox.requests).toHaveLength(1);
		});

		it("surfaces iMocha's 401 for unknown IDs as a NodeApiError with its message", async () => {
			const run = runImocha(sandbox, { parameters: processIds('94761') });
			await expect(run).rejects.toThrow(NodeApiError);
			const error = (await run.catch((caught: unknown) => caught)) as NodeApiError;
			expect(`${error.message} ${error.description}`).toContain(UNKNOWN_IDS);
			expect(error.httpCode).toBe('401');
		});
	});

	describe('Get Attempts', () => {
		const attempts = (extra: Record<string, unknown>) => ({
			resource: 'callback',
			operation: 'getAttempts',
			startDateTime: '2026-11-01T00:00:00Z',
			endDateTime: '2026-11-30T23:59:59Z',
			...extra,
		});
		const inWindow = (entry: Invitation, start: string, end: string) =>
			entry.updatedAt >= start && entry.updatedAt <= end;

		it('posts the documented query and PascalCase body, one item per attempt', async () => {
			const output = await runImocha(sandbox, { parameters: attempts({ returnAll: true }) });
			expect(sandbox.requests[0]).toMatchObject({
				method: 'POST',
				path: '/v3/candidates/testattempts',
				query: { state: 'completed' },
			});
			expect(sandbox.requests[0].body).toStrictEqual({
				StartDateTime: '2026-11-01T00:00:00Z',
				EndDateTime: '2026-11-30T23:59:59Z',
			});
			const expected = sandbox.state.invitations
				.filter((entry) => entry.status === 'Complete' && inWindow(entry, '2026-11-01T00:00:00Z', '2026-11-30T23:59:59Z'))
				.map((entry) => entry.testInvitationId);
			expect(expected.length).toBeGreaterThan(1);
			expect(output.map((item) => item.json.testInvitationId)).toEqual(expected);
			expect(output[0].json).toMatchObject({ testStatus: 'Completed', invitationtype: expect.any(String) });
			expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		});

		it('stops at Limit and filters by state', async () => {
			const limited = await runImocha(sandbox, { parameters: attempts({ limit: 1 }) });
			expect(limited).toHaveLength(1);

			const cancelled = sandbox.state.invitations[0];
			cancelled.status = 'Cancelled';
			cancelled.updatedAt = '2026-11-20T10:00:00Z';
			const output = await runImocha(sandbox, { parameters: attempts({ state: 'cancelled', returnAll: true }) });
			expect(sandbox.requests[1].query).toEqual({ state: 'cancelled' });
			expect(output.map((item) => item.json.testInvitationId)).toEqual([cancelled.testInvitationId]);
			expect(output[0].json.testStatus).toBe('Cancelled');
		});

		it('reads a date without a time as midnight UTC', async () => {
			await runImocha(sandbox, { parameters: attempts({ startDateTime: '2026-11-01', endDateTime: '2026-11-02' }) });
			expect(sandbox.requests[0].body).toStrictEqual({
				StartDateTime: '2026-11-01T00:00:00Z',
				EndDateTime: '2026-11-02T00:00:00Z',
			});
		});

		it('validates dates and order before any request', async () => {
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) =>
					[
						attempts({ startDateTime: 'yesterday' }),
						attempts({ startDateTime: '2026-11-30T00:00:00Z', endDateTime: '2026-11-01T00:00:00Z' }),
						attempts({ endDateTime: '' }),
					][itemIndex],
				items: [{ json: {} }, { json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/"Start Date Time" of item 0 must be an ISO 8601/);
			expect(output[1].json.error).toMatch(/"End Date Time" of item 1 .* must be after/);
			expect(output[2].json.error).toMatch(/"End Date Time" of item 2 is empty/);
			expect(sandbox.requests).toHaveLength(0);
		});

		it("answers a bad date with iMocha's documented 401 body (sandbox contract)", async () => {
			const response = await fetch(`${sandbox.url}/v3/candidates/testattempts?state=completed`, {
				method: 'POST',
				headers: { 'x-api-key': SANDBOX_API_KEY, 'content-type': 'application/json' },
				body: JSON.stringify({ StartDateTime: '20-03-2020', EndDateTime: '2020-06-20T16:00:00Z' }),
			});
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({ result: null, errors: [BAD_DATE] });
		});
	});
});
