import { sandboxCredentials } from '../../helpers/runNode';
import { run, useSandbox } from '../../helpers/intelligence';

describe('Skills Intelligence authentication', () => {
	const sandbox = useSandbox();

	it('sends the credential\'s API key in X-API-KEY to the Skills Intelligence Base URL (trailing slash tolerated)', async () => {
		const credentials = sandboxCredentials(sandbox(), { intelligenceBaseUrl: `${sandbox().url}/si/`, customBaseUrl: 'http://127.0.0.1:9' });
		await run(sandbox(), { resource: 'account', operation: 'getValidationWeightages' }, { credentials });

		expect(sandbox().requests).toHaveLength(1);
		expect(sandbox().requests[0].path).toBe('/si/account/multichannel-validation-weightages');
		expect(sandbox().requests[0].headers['x-api-key']).toBe('sandbox-key');
	});

	it('reports a refused key without leaking it', async () => {
		const credentials = sandboxCredentials(sandbox(), { apiKey: 'wrong-key-1' });
		const failure = run(sandbox(), { resource: 'taxonomy', operation: 'getSkills', limit: 1 }, { credentials });

		await expect(failure).rejects.toThrow('iMocha refused the API key: Access denied due to invalid subscription key');
		await failure.catch((error: Error) => expect(JSON.stringify(error)).not.toContain('wrong-key-1'));
		expect(sandbox().requests[0].status).toBe(401);
	});
});
