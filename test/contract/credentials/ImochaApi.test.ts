import { ImochaApi } from '../../../credentials/ImochaApi.credentials';
import type { Sandbox } from '../../../sandbox/server';
import { performRequest } from '../../helpers/http';
import { sandboxCredentials, testSandbox } from '../../helpers/runNode';

/** Evaluates the `={{ ... }}` expressions of the credential's test request the way n8n would. */
function resolve(template: string, credentials: Record<string, unknown>): string {
	const expression = /^=\{\{(.*)\}\}$/s.exec(template)?.[1];
	if (!expression) return template;
	return new Function('$credentials', `return (${expression});`)(credentials);
}

async function runCredentialTest(credentials: Record<string, unknown>) {
	const credential = new ImochaApi();
	const { request } = credential.test;
	const headers = { 'X-API-KEY': resolve(String(credential.authenticate.properties.headers?.['X-API-KEY']), credentials) };
	return performRequest({
		method: request.method,
		baseURL: resolve(String(request.baseURL), credentials),
		url: String(request.url),
		headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	});
}

describe('ImochaApi credential', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());

	it('passes its test against the sandbox with a valid key, through a custom URL with a trailing slash', async () => {
		const response = await runCredentialTest(sandboxCredentials(sandbox, { customBaseUrl: `${sandbox.url}/` }));
		expect(response.statusCode).toBe(200);
		expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v3/accounts/business-units' });
	});

	it("fails its test with iMocha's clear message on a wrong key", async () => {
		const response = await runCredentialTest(sandboxCredentials(sandbox, { apiKey: 'nope' }));
		expect(response.statusCode).toBe(401);
		expect(response.body.message).toMatch(/invalid subscription key/);
	});

	it('targets the global host when the region is left at its default', () => {
		const credential = new ImochaApi();
		const region = credential.properties.find((property) => property.name === 'region');
		expect(resolve(String(credential.test.request.baseURL), { region: region?.default })).toBe('https://apiv3.imocha.io');
	});

	it('gives every field a default, so credentials saved before a field existed stay valid', () => {
		for (const property of new ImochaApi().properties) expect(property.default).not.toBeUndefined();
	});

	it('keeps the secrets in password fields', () => {
		const secrets = new ImochaApi().properties.filter((property) => /key|secret/i.test(property.name));
		expect(secrets.map((property) => property.typeOptions?.password)).toEqual([true, true]);
	});
});
