/**
 * n8n 2.40.7 loads the package the way users install it (a community package in
 * `~/.n8n/nodes/node_modules`): every node type and the credential type are registered under
 * their production names, with the descriptions the editor shows.
 */
import { N8nInstance } from '../../scripts/n8n/instance';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { setupOwner, restGet } from '../../scripts/n8n/owner';
import { repoRoot, SETUP_TIMEOUT_MS } from '../helpers/n8n';

const NODE_TYPES = [
	'n8n-nodes-imocha.imocha',
	'n8n-nodes-imocha.imochaTrigger',
	'n8n-nodes-imocha.imochaPollTrigger',
	// n8n derives an AI-agent tool from every node with usableAsTool.
	'n8n-nodes-imocha.imochaTool',
];

const OWNER = { email: 'load@example.com', firstName: 'Load', lastName: 'Test', password: 'Load-Test-1234' };

describe('the package loaded in a real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		await ensureRuntime((msg) => process.stderr.write(`${msg}\n`));
		n8n = await N8nInstance.create({ packageRoot: repoRoot });
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await n8n?.stop();
	}, 60_000);

	it('`n8n export:nodes` lists every node of the package, each using the iMocha API credential', async () => {
		const nodes = (await n8n.exportNodes()).filter((node) => String(node.name).startsWith('n8n-nodes-imocha.'));
		expect(nodes.map((node) => node.name).sort()).toEqual([...NODE_TYPES].sort());
		for (const node of nodes) {
			expect({ node: node.name, credentials: node.credentials }).toEqual({
				node: node.name,
				credentials: [expect.objectContaining({ name: 'imochaApi', required: true })],
			});
		}
		const imocha = nodes.find((node) => node.name === 'n8n-nodes-imocha.imocha');
		expect(imocha.usableAsTool).toBe(true);
		const resource = imocha.properties.find((property: { name: string }) => property.name === 'resource');
		expect(resource.options.map((option: { value: string }) => option.value)).toEqual(
			expect.arrayContaining(['invitation', 'test', 'report', 'callback', 'employee', 'account']),
		);
		const trigger = nodes.find((node) => node.name === 'n8n-nodes-imocha.imochaTrigger');
		expect(trigger.webhooks).toEqual([expect.objectContaining({ httpMethod: 'POST', isFullPath: true })]);
		expect(nodes.find((node) => node.name === 'n8n-nodes-imocha.imochaPollTrigger').polling).toBe(true);
	}, 120_000);

	it('a running n8n serves the iMocha API credential type to the editor', async () => {
		await n8n.start();
		const session = await setupOwner(n8n.baseUrl, OWNER);
		const types = (await restGet(n8n.baseUrl, session, '/types/credentials.json')) as Array<{ name: string; displayName: string; properties: Array<{ name: string }> }>;
		const credential = types.find((type) => type.name === 'imochaApi');
		expect(credential).toBeDefined();
		expect(credential!.displayName).toBe('iMocha API');
		expect(credential!.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['apiKey', 'region', 'customBaseUrl', 'intelligenceBaseUrl', 'callbackSecret']),
		);
	}, 120_000);
});
