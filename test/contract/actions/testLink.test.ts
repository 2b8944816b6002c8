import { searchTestLinks } from '../../../nodes/Imocha/methods/testLinks';
import type { Sandbox } from '../../../sandbox/server';
import { createLoadOptionsContext } from '../../helpers/context';
import { imochaNode, runImocha, sandboxCredentials, testSandbox } from '../../helpers/runNode';

describe('Test Link', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('lists the links of the chosen test with GET /v3/tests/{testId}/testlinks', async () => {
		const output = await runImocha(sandbox, {
			parameters: { resource: 'testLink', operation: 'getMany', testId: { mode: 'list', value: '303076' }, returnAll: true },
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/tests/303076/testlinks', query: {} });
		const expected = sandbox.state.testLinks.filter((link) => link.testId === 303076);
		expect(expected).toHaveLength(2);
		expect(output.map((item) => item.json)).toEqual(expected);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('applies the Limit to the whole list', async () => {
		const output = await runImocha(sandbox, {
			parameters: { resource: 'testLink', operation: 'getMany', testId: { mode: 'id', value: '303076' }, limit: 1 },
		});
		expect(output.map((item) => item.json.testLinkName)).toEqual(['Email Invite']);
	});

	it('errors per item for a bad or unknown test', async () => {
		const output = await runImocha(sandbox, {
			parameters: (itemIndex) => ({
				resource: 'testLink',
				operation: 'getMany',
				testId: { mode: 'id', value: itemIndex === 0 ? 'x1' : '777' },
			}),
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output[0].json.error).toMatch(/"Test" of item 0 must be a positive whole number/);
		expect(output[1].json.error).toMatch(/Test 777 not found/);
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/v3/tests/777/testlinks']);
	});

	describe('searchTestLinks (list search)', () => {
		const context = (testId: unknown) =>
			createLoadOptionsContext({
				parameters: { resource: 'invitation', operation: 'inviteByTestLink', testId },
				credentials: sandboxCredentials(sandbox),
				properties: imochaNode.description.properties,
			});

		it('lists the links of the test chosen in the node, filtered by name', async () => {
			const all = await searchTestLinks.call(context({ mode: 'list', value: '1134601' }));
			expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/tests/1134601/testlinks' });
			expect(all.results).toEqual([
				{ name: 'Email Invite (active, email)', value: '201044' },
				{ name: 'Campus Drive (active, open)', value: '201045' },
			]);
			const filtered = await searchTestLinks.call(context({ mode: 'url', value: 'https://app.imocha.io/tests/1134601' }), 'campus');
			expect(filtered.results).toEqual([{ name: 'Campus Drive (active, open)', value: '201045' }]);
		});

		it('asks for a test first when none is chosen', async () => {
			await expect(searchTestLinks.call(context({ mode: 'list', value: '' }))).rejects.toThrow(/Choose a test first/);
			expect(sandbox.requests).toHaveLength(0);
		});
	});
});
