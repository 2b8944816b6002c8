import type { INodeListSearchResult } from 'n8n-workflow';

import type { Sandbox } from '../../../../sandbox/server';
import type { Test } from '../../../../sandbox/state';
import { createLoadOptionsContext } from '../../../helpers/context';
import { imochaNode, runImocha, sandboxCredentials, testSandbox } from '../../../helpers/runNode';

/** List all tests is paged with pageNo / pageSize and answers `count`, the total (reference 3.1, third-party). */
describe('Test > Get Many and the test picker', () => {
	let sandbox: Sandbox;
	let seeded: Test[];
	beforeAll(async () => {
		sandbox = await testSandbox();
		seeded = [...sandbox.state.tests];
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
		sandbox.state.tests = [...seeded];
	});

	/** An account with more tests than one page holds. */
	function manyTests(count: number): void {
		for (let index = 0; index < count; index++) {
			sandbox.state.tests.push({
				...seeded[0],
				testId: 900_000 + index,
				testName: `Generated Test ${index + 1}`,
				labels: index % 2 ? ['campus'] : [],
			});
		}
	}

	const queries = () => sandbox.requests.map((request) => request.query);

	it('lists tests with GET /v3/tests, asking for one page of the Limit', async () => {
		const output = await runImocha(sandbox, { parameters: { resource: 'test', operation: 'getMany', limit: 2 } });

		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/tests', query: { pageNo: '1', pageSize: '2' } });
		expect(sandbox.requests[0].headers['x-api-key']).toBe('sandbox-key');
		expect(output.map((item) => item.json.testId)).toEqual([1134601, 292930]);
		expect(output[0].json).toMatchObject({ testName: 'Java Developer Assessment', status: 'Active', labels: ['engineering', 'backend'] });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Return All walks every page until count (the issue example: more tests than one page)', async () => {
		manyTests(224);
		const output = await runImocha(sandbox, { parameters: { resource: 'test', operation: 'getMany', returnAll: true } });
		expect(output).toHaveLength(230);
		expect(new Set(output.map((item) => item.json.testId)).size).toBe(230);
		expect(queries()).toEqual([1, 2, 3].map((page) => ({ pageNo: String(page), pageSize: '100' })));
	});

	it('stops at count without asking for an empty page when the total is a whole number of pages', async () => {
		manyTests(194);
		const output = await runImocha(sandbox, { parameters: { resource: 'test', operation: 'getMany', returnAll: true } });
		expect(output).toHaveLength(200);
		expect(queries()).toHaveLength(2);
	});

	it('a Limit above one page reads as many pages as it needs', async () => {
		manyTests(224);
		const output = await runImocha(sandbox, { parameters: { resource: 'test', operation: 'getMany', limit: 150 } });
		expect(output).toHaveLength(150);
		expect(queries()).toEqual([{ pageNo: '1', pageSize: '100' }, { pageNo: '2', pageSize: '100' }]);
	});

	it('the Label filter is sent as labelsFilter', async () => {
		manyTests(10);
		const output = await runImocha(sandbox, {
			parameters: { resource: 'test', operation: 'getMany', returnAll: true, filters: { label: 'campus' } },
		});
		expect(queries()).toEqual([{ pageNo: '1', pageSize: '100', labelsFilter: 'campus' }]);
		expect(output).toHaveLength(5);
		expect(output.every((item) => (item.json.labels as string[]).includes('campus'))).toBe(true);
	});

	it('runs once per input item and pairs each output with its item', async () => {
		const output = await runImocha(sandbox, {
			parameters: { resource: 'test', operation: 'getMany', limit: 1 },
			items: [{ json: {} }, { json: {} }],
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.requests).toHaveLength(2);
	});

	it('the test picker reads every page, so a test past the first page can be picked by name', async () => {
		manyTests(224);
		const context = createLoadOptionsContext({
			parameters: { resource: 'invitation', operation: 'invite' },
			credentials: sandboxCredentials(sandbox),
			properties: imochaNode.description.properties,
		});
		const search = imochaNode.methods.listSearch.searchTests as (this: unknown, filter?: string) => Promise<INodeListSearchResult>;
		const result = await search.call(context, 'Generated Test 224');
		expect(result.results).toEqual([{ name: 'Generated Test 224', value: '900223' }]);
		expect(queries()).toEqual([1, 2, 3].map((page) => ({ pageNo: String(page), pageSize: '100' })));
	});
});
