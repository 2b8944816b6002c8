/**
 * Bulk work through the router's pool: order and pairedItem survive answers that come back in
 * any order, and a 429 slows every worker instead of each one hammering on its own.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { createExecuteContext, type Parameters } from '../../helpers/context';
import { imochaNode, sandboxCredentials, testSandbox } from '../../helpers/runNode';

/** Seeded finished attempts (sandbox/seed.ts generates them from 2,500,001). */
const ATTEMPTS = Array.from({ length: 30 }, (_, index) => 2_500_001 + index);

describe('the pool', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
		sandbox.faults.reset();
	});

	async function run(parameters: (itemIndex: number) => Parameters, count: number) {
		const context = createExecuteContext({
			parameters,
			items: Array.from({ length: count }, (_, index) => ({ json: { index } })),
			credentials: sandboxCredentials(sandbox),
			properties: imochaNode.description.properties,
		});
		// Watch the calls from the node's side: how many are in flight, and in which order they end.
		const send = context.helpers.httpRequestWithAuthentication;
		const finished: string[] = [];
		let inFlight = 0;
		let peak = 0;
		context.helpers.httpRequestWithAuthentication = async function (this: unknown, type: string, options: IHttpRequestOptions) {
			peak = Math.max(peak, ++inFlight);
			try {
				return await send.call(this as never, type, options);
			} finally {
				inFlight -= 1;
				finished.push(options.url);
			}
		} as typeof send;
		const [output] = await imochaNode.execute.call(context);
		return { output, finished, peak };
	}

	it('keeps input order and pairedItem when answers come back shuffled', async () => {
		sandbox.faults.configure({ latencyMs: 5, latencyJitterMs: 60 });
		const { output, finished, peak } = await run(
			(index) => ({ resource: 'report', operation: 'get', testInvitationId: String(ATTEMPTS[index]), requestOptions: { concurrency: 10 } }),
			ATTEMPTS.length,
		);

		expect(peak).toBe(10);
		const finishedIds = finished.map((url) => Number(/reports\/(\d+)/.exec(url)?.[1]));
		expect(finishedIds).not.toEqual(ATTEMPTS);
		expect(output.map((item) => item.json.testInvitationId)).toEqual(ATTEMPTS);
		expect(output.map((item) => item.pairedItem)).toEqual(ATTEMPTS.map((_, item) => ({ item })));
	});

	it('runs one item at a time with Concurrency 1', async () => {
		sandbox.faults.configure({ latencyMs: 5, latencyJitterMs: 20 });
		const { peak, finished } = await run(
			(index) => ({ resource: 'report', operation: 'get', testInvitationId: String(ATTEMPTS[index]), requestOptions: { concurrency: 1 } }),
			5,
		);
		expect(peak).toBe(1);
		expect(finished.map((url) => Number(/reports\/(\d+)/.exec(url)?.[1]))).toEqual(ATTEMPTS.slice(0, 5));
	});

	it.each([
		['fractional Retry-After', { retryAfter: true, retryAfterWholeSeconds: false }],
		['whole-second Retry-After', { retryAfter: true, retryAfterWholeSeconds: true }],
		['no Retry-After', { retryAfter: false }],
	])('slows every worker on a 429 (%s): 40 invites at concurrency 10 under 20 requests/s', async (_mode, retryAfter) => {
		sandbox.faults.configure({ latencyMs: 20, rateLimitPerSecond: 20, ...retryAfter });
		const tag = `pool${Date.now()}`;
		const started = Date.now();
		const { output } = await run(
			(index) => ({
				resource: 'invitation',
				operation: 'invite',
				testId: { mode: 'id', value: '1134601' },
				candidateEmail: `${tag}.${index}@example.com`,
				candidateName: `Pool ${index}`,
				requestOptions: { concurrency: 10 },
			}),
			40,
		);
		const elapsed = Date.now() - started;

		expect(output.filter((item) => item.json.error !== undefined)).toEqual([]);
		expect(output.map((item) => item.json.email)).toEqual(Array.from({ length: 40 }, (_, index) => `${tag}.${index}@example.com`));
		const invited = sandbox.state.invitations.filter((entry) => entry.email.startsWith(`${tag}.`));
		expect(new Set(invited.map((entry) => entry.email)).size).toBe(40);
		expect(invited).toHaveLength(40);
		// One burst of refusals (at most one per worker), then the pool keeps to the learned pace.
		const refusals = sandbox.requests.filter((request) => request.status === 429).length;
		expect(refusals).toBeGreaterThan(0);
		expect(refusals).toBeLessThanOrEqual(12);
		// 40 calls at 20 per window need at least one window boundary.
		expect(elapsed).toBeGreaterThanOrEqual(1000);
	}, 20_000);
});
