import { NodeApiError } from 'n8n-workflow';

import { configureTransport, imochaRequest } from '../../../nodes/Imocha/transport';
import type { Sandbox } from '../../../sandbox/server';
import { createExecuteContext } from '../../helpers/context';
import { sandboxCredentials, testSandbox } from '../../helpers/runNode';

const fastRetries = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 };

describe('transport against the sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
		sandbox.faults.reset();
	});

	function context(credentials = sandboxCredentials(sandbox), timeoutMs = 2000) {
		const ctx = createExecuteContext({ parameters: {}, credentials });
		configureTransport(ctx, { timeoutMs, retry: fastRetries });
		return ctx;
	}

	async function failureOf(promise: Promise<unknown>): Promise<NodeApiError> {
		const error = await promise.then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		return error as NodeApiError;
	}

	it('sends the key in X-API-KEY to the custom base URL', async () => {
		await imochaRequest(context(), { method: 'GET', path: '/v3/tests' });
		expect(sandbox.requests[0].headers['x-api-key']).toBe('sandbox-key');
	});

	it("maps a wrong key to a 401 NodeApiError with the gateway's message, without the key", async () => {
		const wrongKey = 'wrong-k3y-99';
		const error = await failureOf(
			imochaRequest(context(sandboxCredentials(sandbox, { apiKey: wrongKey })), { method: 'GET', path: '/v3/tests' }),
		);
		expect(error.httpCode).toBe('401');
		expect(error.message).toContain('Access denied due to invalid subscription key');
		expect(error.description).toMatch(/API key/);
		expect(JSON.stringify({ error, message: error.message, description: error.description })).not.toContain(wrongKey);
		expect(sandbox.requests).toHaveLength(1);
	});

	it('waits for Retry-After on 429 and then succeeds', async () => {
		sandbox.faults.inject(/^GET \/v3\/tests$/, { kind: 'status', status: 429, retryAfter: '0.05' }, 2);
		const body = await imochaRequest(context(), { method: 'GET', path: '/v3/tests' });
		expect(body.tests.length).toBeGreaterThan(0);
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 429, 200]);
	});

	it('retries 429 even for calls that are not safe to repeat', async () => {
		sandbox.faults.inject(/^POST /, { kind: 'status', status: 429 }, 1);
		const error = await failureOf(imochaRequest(context(), { method: 'POST', path: '/v3/tests', idempotent: false }));
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 405]);
		expect(error.httpCode).toBe('405');
	});

	it('gives up after the last attempt with the rate-limit hint', async () => {
		sandbox.faults.inject(/^GET /, { kind: 'status', status: 429, retryAfter: '0' }, 5);
		const error = await failureOf(imochaRequest(context(), { method: 'GET', path: '/v3/tests' }));
		expect(sandbox.requests).toHaveLength(fastRetries.maxAttempts);
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/Concurrency/);
	});

	it('retries a 503 on a read but not on an unsafe write', async () => {
		sandbox.faults.inject(/^GET /, { kind: 'status', status: 503 }, 1);
		await imochaRequest(context(), { method: 'GET', path: '/v3/tests' });
		expect(sandbox.requests.map((request) => request.status)).toEqual([503, 200]);

		sandbox.requests.length = 0;
		sandbox.faults.inject(/^POST /, { kind: 'status', status: 503 }, 1);
		const error = await failureOf(imochaRequest(context(), { method: 'POST', path: '/v3/tests', idempotent: false }));
		expect(sandbox.requests).toHaveLength(1);
		expect(error.httpCode).toBe('503');
	});

	it('retries a malformed body on a read', async () => {
		sandbox.faults.inject(/^GET /, { kind: 'malformed' }, 1);
		const body = await imochaRequest(context(), { method: 'GET', path: '/v3/tests' });
		expect(Array.isArray(body.tests)).toBe(true);
		expect(sandbox.requests).toHaveLength(2);
	});

	it('turns a proxy HTML page into a readable error', async () => {
		sandbox.faults.inject(/^GET /, { kind: 'html', status: 502 }, 3);
		const error = await failureOf(imochaRequest(context(), { method: 'GET', path: '/v3/tests' }));
		expect(error.message).toContain('HTML page "502 Bad Gateway"');
	});

	it('times out a call that never answers and says it could not reach iMocha', async () => {
		sandbox.faults.inject(/^GET /, { kind: 'hang' }, 3);
		const error = await failureOf(imochaRequest(context(sandboxCredentials(sandbox), 150), { method: 'GET', path: '/v3/tests' }));
		expect(error.message).toBe('Could not reach iMocha (after 3 attempts)');
		expect(error.description).toContain('ECONNABORTED');
		expect(sandbox.requests).toHaveLength(fastRetries.maxAttempts);
	});
});
