/**
 * Bulk invites against a rate limit the sandbox never tells: the node finds it, loses and
 * duplicates nothing, keeps order, and shares what it learnt with other executions on the same
 * account. Behaviour only; how fast is for `npm run bench`.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { hashKey } from '../../../nodes/Imocha/transport/context';
import { accountOf, forgetPacers, pacerFor } from '../../../nodes/Imocha/transport/pacer';
import type { FaultConfig } from '../../../sandbox/faults';
import { SANDBOX_API_KEY } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { createExecuteContext } from '../../helpers/context';
import { imochaNode, sandboxCredentials, testSandbox } from '../../helpers/runNode';

const INVITE = /^\/v3\/tests\/\d+\/invite$/;

describe('pacing bulk invites', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
		sandbox.faults.reset();
		forgetPacers();
	});

	const account = () => pacerFor(accountOf(sandbox.url, hashKey(SANDBOX_API_KEY)));

	async function invite(tag: string, count: number, requestOptions: object = {}) {
		const email = (index: number) => `${tag}.${index}@example.com`;
		const context = createExecuteContext({
			parameters: (index) => ({
				resource: 'invitation',
				operation: 'invite',
				testId: { mode: 'id', value: '1134601' },
				candidateEmail: email(index),
				candidateName: `Paced ${index}`,
				requestOptions,
			}),
			items: Array.from({ length: count }, (_, index) => ({ json: { index } })),
			credentials: sandboxCredentials(sandbox),
			properties: imochaNode.description.properties,
		});
		const send = context.helpers.httpRequestWithAuthentication;
		let inFlight = 0;
		let peak = 0;
		context.helpers.httpRequestWithAuthentication = async function (this: unknown, type: string, options: IHttpRequestOptions) {
			peak = Math.max(peak, ++inFlight);
			try {
				return await send.call(this as never, type, options);
			} finally {
				inFlight -= 1;
			}
		} as typeof send;
		const [output] = await imochaNode.execute.call(context);
		return { output, peak, emails: Array.from({ length: count }, (_, index) => email(index)) };
	}

	/** Every candidate invited exactly once, in input order, each item paired with its input. */
	function expectAllOnce(run: Awaited<ReturnType<typeof invite>>, tag: string) {
		expect(run.output.filter((item) => item.json.error !== undefined)).toEqual([]);
		expect(run.output.map((item) => item.json.email)).toEqual(run.emails);
		expect(run.output.map((item) => item.pairedItem)).toEqual(run.emails.map((_, item) => ({ item })));
		const invited = sandbox.state.invitations.filter((entry) => entry.email.startsWith(`${tag}.`));
		expect(invited).toHaveLength(run.emails.length);
		expect(new Set(invited.map((entry) => entry.email)).size).toBe(run.emails.length);
	}

	/** The most invite calls that reached the sandbox in any one second from `from` on. */
	function busiestSecond(from: number): number {
		const times = sandbox.requests.filter((request) => INVITE.test(request.path) && request.at >= from).map((request) => request.at);
		let most = 0;
		for (let first = 0, last = 0; last < times.length; last++) {
			while (times[last] - times[first] >= 1000) first++;
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

	const firstRefusal = () => sandbox.requests.find((request) => request.status === 429)?.at ?? Infinity;

	it.each<[string, Partial<FaultConfig>]>([
		['sliding window, whole-second Retry-After', { rateWindow: 'sliding', retryAfterWholeSeconds: true }],
		['fixed window, whole-second Retry-After', { rateWindow: 'fixed', retryAfterWholeSeconds: true }],
		['fixed window, no Retry-After', { rateWindow: 'fixed', retryAfter: false }],
	])('finds a limit it is never told (%s), then keeps to it', async (_name, window) => {
		sandbox.faults.configure({ latencyMs: 20, rateLimitPerSecond: 10, ...window });
		const tag = `find${Date.now()}`;
		const run = await invite(tag, 50);

		expectAllOnce(run, tag);
		const learnt = account().state.limit;
		expect(learnt).toBeGreaterThanOrEqual(8);
		expect(learnt).toBeLessThanOrEqual(11);
		// Once it has learnt: within the limit, but for a probe of one call (and jitter of one).
		expect(busiestSecond(firstRefusal() + 1500)).toBeLessThanOrEqual(12);
		// The first burst is bounded by the first few calls' concurrency; after it, 429s are rare.
		const later = sandbox.requests.filter((request) => request.status === 429 && request.at > firstRefusal() + 1500);
		expect(later.length).toBeLessThanOrEqual(5);
	}, 30_000);

	it('follows a quota that falls mid-run', async () => {
		sandbox.faults.configure({ latencyMs: 20, rateLimitPerSecond: 20, rateChanges: [{ afterMs: 1500, perSecond: 5 }] });
		const tag = `fall${Date.now()}`;
		const run = await invite(tag, 45);

		// Nothing lost or duplicated while the quota falls. How close the learnt limit ends to the
		// new quota depends on the machine's load (on a loaded machine it has ended at the old one):
		// that is measured by the benchmark, not asserted here.
		expectAllOnce(run, tag);
		expect(account().state.refusals).toBeGreaterThan(0);
	}, 30_000);

	it('keeps a Max Concurrency the user set, and grows past the first few calls when none is set', async () => {
		sandbox.faults.configure({ latencyMs: 50 });
		const capped = await invite(`cap${Date.now()}`, 40, { concurrency: 3 });
		expect(capped.peak).toBe(3);

		forgetPacers();
		const tag = `grow${Date.now()}`;
		const free = await invite(tag, 80);
		expectAllOnce(free, tag);
		expect(free.peak).toBeGreaterThan(10);
	}, 30_000);

	it('shares what one execution learnt with the next ones on the same account, also running at once', async () => {
		sandbox.faults.configure({ latencyMs: 20, rateLimitPerSecond: 10, rateWindow: 'sliding' });
		const first = `share${Date.now()}a`;
		expectAllOnce(await invite(first, 30), first);
		expect(account().state.limit).toBeLessThanOrEqual(12);

		// Two executions at once start at the learnt pace: together they stay within it.
		sandbox.requests.length = 0;
		const started = Date.now();
		const [tagB, tagC] = [`share${started}b`, `share${started}c`];
		const [b, c] = await Promise.all([invite(tagB, 20), invite(tagC, 20)]);
		expectAllOnce(b, tagB);
		expectAllOnce(c, tagC);
		expect(busiestSecond(started)).toBeLessThanOrEqual(12);
		expect(sandbox.requests.filter((request) => request.status === 429).length).toBeLessThanOrEqual(4);
	}, 30_000);
});
