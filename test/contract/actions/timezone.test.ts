import { getTimezones } from '../../../nodes/Imocha/methods/timezones';
import type { Sandbox } from '../../../sandbox/server';
import { createLoadOptionsContext } from '../../helpers/context';
import { runImocha, sandboxCredentials, testSandbox } from '../../helpers/runNode';

describe('Timezone', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('lists time zones with GET /v3/timezones, one item each', async () => {
		const output = await runImocha(sandbox, { parameters: { resource: 'timezone', operation: 'getMany', returnAll: true } });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/timezones', query: {} });
		expect(output.map((item) => item.json)).toEqual(sandbox.state.timezones);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at the Limit', async () => {
		const output = await runImocha(sandbox, { parameters: { resource: 'timezone', operation: 'getMany', limit: 3 } });
		expect(output.map((item) => item.json.timeZoneId)).toEqual([200, 1720, 1100]);
	});

	it('getTimezones loads options with the integer timeZoneId as value', async () => {
		const context = createLoadOptionsContext({ parameters: {}, credentials: sandboxCredentials(sandbox) });
		const options = await getTimezones.call(context);
		expect(sandbox.requests[0].path).toBe('/v3/timezones');
		expect(options).toHaveLength(sandbox.state.timezones.length);
		expect(options[1]).toEqual({ name: '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', value: 1720 });
	});
});
