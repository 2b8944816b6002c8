import type { Sandbox } from '../../../../sandbox/server';
import { runImocha, testSandbox } from '../../../helpers/runNode';

describe('Test > Get Many', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('lists tests with GET /v3/tests, one item per test, capped by Limit', async () => {
		const output = await runImocha(sandbox, { parameters: { resource: 'test', operation: 'getMany', limit: 2 } });

		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/tests', query: {} });
		expect(sandbox.requests[0].headers['x-api-key']).toBe('sandbox-key');
		expect(output.map((item) => item.json.testId)).toEqual([1134601, 292930]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('returns every test with Return All', async () => {
		const output = await runImocha(sandbox, { parameters: { resource: 'test', operation: 'getMany', returnAll: true } });
		expect(output).toHaveLength(sandbox.state.tests.length);
	});

	it('runs once per input item and pairs each output with its item', async () => {
		const output = await runImocha(sandbox, {
			parameters: { resource: 'test', operation: 'getMany', limit: 1 },
			items: [{ json: {} }, { json: {} }],
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.requests).toHaveLength(2);
	});
});
