import { NodeApiError } from 'n8n-workflow';

import { getBusinessUnits } from '../../../nodes/Imocha/methods/businessUnits';
import { INVALID_UNIT } from '../../../sandbox/routes/users';
import type { Sandbox } from '../../../sandbox/server';
import { createLoadOptionsContext } from '../../helpers/context';
import { imochaNode, runImocha, sandboxCredentials, testSandbox } from '../../helpers/runNode';

const user = (operation: string, extra: Record<string, unknown>) => ({ resource: 'user', operation, ...extra });

describe('User', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	describe('Create', () => {
		it('sends email and fullName, and nothing else when no business unit is chosen', async () => {
			const output = await runImocha(sandbox, { parameters: user('create', { email: 'new.one@example.com', fullName: 'New One' }) });
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v3/accounts/user/create', query: {} });
			expect(sandbox.requests[0].body).toStrictEqual({ email: 'new.one@example.com', fullName: 'New One' });
			expect(output).toEqual([
				{ json: { email: 'new.one@example.com', fullName: 'New One', businessunitId: 115231 }, pairedItem: { item: 0 } },
			]);
		});

		it('sends businessunitId as an integer from the business unit picker', async () => {
			const context = createLoadOptionsContext({
				parameters: { resource: 'user', operation: 'create' },
				credentials: sandboxCredentials(sandbox),
				properties: imochaNode.description.properties,
			});
			const options = await getBusinessUnits.call(context);
			const engineering = options.find((option) => option.name === 'Engineering')!;
			sandbox.requests.length = 0;
			await runImocha(sandbox, {
				parameters: user('create', {
					email: 'eng@example.com',
					fullName: 'Eng Lead',
					additionalFields: { businessUnitId: engineering.value },
				}),
			});
			expect(sandbox.requests[0].body).toStrictEqual({ email: 'eng@example.com', fullName: 'Eng Lead', businessunitId: 140867 });
		});
	});

	describe('Update', () => {
		it('sends Email and BusinessunitId in the documented PascalCase', async () => {
			const output = await runImocha(sandbox, {
				parameters: user('update', { email: 'reviewer@example.com', businessUnitId: '115232' }),
			});
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v3/accounts/user/update' });
			expect(sandbox.requests[0].body).toStrictEqual({ Email: 'reviewer@example.com', BusinessunitId: 115232 });
			expect(output[0].json).toEqual({ email: 'reviewer@example.com', businessunitId: 115232 });
		});

		it("surfaces iMocha's message for a unit of another account", async () => {
			const run = runImocha(sandbox, { parameters: user('update', { email: 'reviewer@example.com', businessUnitId: 999 }) });
			await expect(run).rejects.toThrow(NodeApiError);
			await expect(run).rejects.toThrow(INVALID_UNIT);
		});
	});

	describe('Activate / Deactivate', () => {
		it('sends status "Inactive" then "Active", exactly as iMocha requires', async () => {
			const off = await runImocha(sandbox, { parameters: user('deactivate', { email: 'reviewer@example.com' }) });
			const on = await runImocha(sandbox, { parameters: user('activate', { email: 'reviewer@example.com' }) });
			expect(sandbox.requests.map((request) => [request.method, request.path, request.body])).toEqual([
				['POST', '/v3/accounts/user/status', { email: 'reviewer@example.com', status: 'Inactive' }],
				['POST', '/v3/accounts/user/status', { email: 'reviewer@example.com', status: 'Active' }],
			]);
			expect(off[0].json).toMatchObject({ email: 'reviewer@example.com', status: 'Inactive' });
			expect(on[0].json).toMatchObject({ email: 'reviewer@example.com', fullName: 'Rita Reviewer', status: 'Active' });
			expect(sandbox.state.users.find((entry) => entry.email === 'reviewer@example.com')?.status).toBe('Active');
		});
	});

	it('validates every item before any request: bad email, missing name, bad unit', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) =>
				[
					user('create', { email: 'reviewer', fullName: 'Bad Mail' }),
					user('create', { email: 'x@example.com', fullName: '' }),
					user('create', { email: 'y@example.com', fullName: 'Y', additionalFields: { businessUnitId: 'Engineering' } }),
					user('create', { email: 'good.one@example.com', fullName: 'Good One' }),
				][itemIndex],
			items: [{ json: {} }, { json: {} }, { json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output[0].json.error).toMatch(/"Email" of item 0 must be an email address/);
		expect(output[1].json.error).toMatch(/"Full Name" of item 1 is empty/);
		expect(output[2].json.error).toMatch(/"Business Unit" of item 2 must be a positive whole number/);
		expect(output[3].json.email).toBe('good.one@example.com');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(sandbox.requests).toHaveLength(1);
	});

	it("answers a status other than exactly 'Active'/'Inactive' with the documented 400 (sandbox contract)", async () => {
		const response = await fetch(`${sandbox.url}/v3/accounts/user/status`, {
			method: 'POST',
			headers: { 'x-api-key': 'sandbox-key', 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'reviewer@example.com', status: 'active' }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ errors: ["Status must be either 'Active' or 'Inactive'"] });
	});
});
