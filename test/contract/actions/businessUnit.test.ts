import { getBusinessUnits } from '../../../nodes/Imocha/methods/businessUnits';
import type { Sandbox } from '../../../sandbox/server';
import { createLoadOptionsContext } from '../../helpers/context';
import { runImocha, sandboxCredentials, testSandbox } from '../../helpers/runNode';

describe('Business Unit', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('lists business units with GET /v3/accounts/business-units, one item each', async () => {
		const output = await runImocha(sandbox, { parameters: { resource: 'businessUnit', operation: 'getMany', returnAll: true } });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/accounts/business-units', query: {} });
		expect(output).toEqual(sandbox.state.businessUnits.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('stops at the Limit, per input item', async () => {
		const output = await runImocha(sandbox, {
			parameters: { resource: 'businessUnit', operation: 'getMany', limit: 2 },
			items: [{ json: {} }, { json: {} }],
		});
		expect(output.map((item) => [item.json.businessUnitId, item.pairedItem])).toEqual([
			[115231, { item: 0 }],
			[115232, { item: 0 }],
			[115231, { item: 1 }],
			[115232, { item: 1 }],
		]);
		expect(sandbox.requests).toHaveLength(2);
	});

	it('getBusinessUnits loads options with the businessUnitId as value', async () => {
		const context = createLoadOptionsContext({ parameters: {}, credentials: sandboxCredentials(sandbox) });
		expect(await getBusinessUnits.call(context)).toEqual([
			{ name: 'Default BU 1', value: 115231 },
			{ name: 'Default BU 2', value: 115232 },
			{ name: 'Engineering', value: 140867 },
		]);
	});
});
