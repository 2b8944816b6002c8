import { NodeOperationError } from 'n8n-workflow';

import { ImochaTrigger } from '../../../../nodes/Imocha/ImochaTrigger.node';
import type { Sandbox } from '../../../../sandbox/server';
import { runImocha, sandboxCredentials, testSandbox } from '../../../helpers/runNode';
import { createHookContext } from '../../../helpers/webhookContext';

/**
 * Callback URLs n8n really serves: the prefix comes from the active trigger (n8n tells a trigger
 * its URL, with N8N_ENDPOINT_WEBHOOK applied), the override is the whole prefix from node version
 * 1.1, and a Trigger Path with ":" (which n8n serves under the webhook ID) is refused.
 */
const JAVA = 1134601;
const trigger = new ImochaTrigger();
const methods = trigger.webhookMethods.default;

const invite = (email: string, extra: Record<string, unknown> = {}) => ({
	resource: 'invitation',
	operation: 'invite',
	testId: { mode: 'id', value: String(JAVA) },
	candidateEmail: email,
	candidateName: 'Kai Berg',
	callbackTarget: 'trigger',
	...extra,
});

function activation(path: string, url: string) {
	return createHookContext({
		parameters: { path },
		credentials: { apiKey: 'k', region: 'custom', customBaseUrl: 'http://127.0.0.1:1', callbackSecret: 'cb' },
		properties: trigger.description.properties,
		webhookUrl: url,
	});
}

describe('callback URLs n8n really serves', () => {
	let sandbox: Sandbox;
	const callbackUrlSent = () => (sandbox.requests[0].body as Record<string, unknown>).callbackUrl;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	it('uses the prefix of the active trigger (N8N_ENDPOINT_WEBHOOK=hooks), and forgets it when the trigger stops', async () => {
		const served = 'http://127.0.0.1:5678/hooks/imocha-callbacks';
		await methods.create.call(activation('imocha-callbacks', served));
		const credentials = sandboxCredentials(sandbox, { callbackSecret: 'cb-s3cret' });
		await runImocha(sandbox, { credentials, typeVersion: 1.1, parameters: invite('prefix.hooks@example.com') });
		expect(callbackUrlSent()).toBe(`${served}?token=cb-s3cret`);

		await methods.delete.call(activation('imocha-callbacks', served));
		sandbox.requests.length = 0;
		await runImocha(sandbox, { credentials, typeVersion: 1.1, parameters: invite('prefix.default@example.com') });
		expect(callbackUrlSent()).toBe('http://127.0.0.1:5678/webhook/imocha-callbacks?token=cb-s3cret');
	});

	it('a version 1 node with a saved Webhook Base URL adds the prefix the active trigger uses (saved workflows keep working)', async () => {
		await methods.create.call(activation('team/hiring', 'https://n8n.internal/custom/team/hiring'));
		await runImocha(sandbox, {
			credentials: sandboxCredentials(sandbox, { callbackSecret: 'cb-s3cret' }),
			parameters: invite('legacy.base@example.com', { triggerPath: 'team/hiring', webhookBaseUrl: 'https://hooks.example.com/' }),
		});
		expect(callbackUrlSent()).toBe('https://hooks.example.com/custom/team/hiring?token=cb-s3cret');
		await methods.delete.call(activation('team/hiring', 'https://n8n.internal/custom/team/hiring'));
	});

	it('from version 1.1 the Webhook Base URL is the whole prefix (webhook/ is not added again)', async () => {
		await runImocha(sandbox, {
			credentials: sandboxCredentials(sandbox, { callbackSecret: 'cb-s3cret' }),
			typeVersion: 1.1,
			parameters: invite('whole.prefix@example.com', { webhookBaseUrl: 'https://hooks.example.com/hooks' }),
		});
		expect(callbackUrlSent()).toBe('https://hooks.example.com/hooks/imocha-callbacks?token=cb-s3cret');
	});

	it.each([
		['the issue example', 'candidates/:id'],
		['another dynamic segment', ':tenant/imocha'],
	])('refuses a Trigger Path with ":" (%s) before any request, saying why', async (_, triggerPath) => {
		for (const operation of [{}, { operation: 'inviteByTestLink', testLinkId: { mode: 'id', value: '201044' } }]) {
			const run = runImocha(sandbox, { parameters: invite('colon@example.com', { triggerPath, ...operation }) });
			await expect(run).rejects.toThrow(NodeOperationError);
			await expect(run).rejects.toThrow(/Trigger Path.*contains ":".*webhook ID/);
		}
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses a Trigger Path with ":" in Reattempt as well', async () => {
		const run = runImocha(sandbox, {
			parameters: { resource: 'invitation', operation: 'reattempt', testInvitationId: '2655161', callbackTarget: 'trigger', triggerPath: 'a/:b' },
		});
		await expect(run).rejects.toThrow(/contains ":"/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('the trigger refuses to activate on a path with ":", with an explanation', async () => {
		const context = activation('imocha/:candidate', 'http://127.0.0.1:5678/webhook/3f1c/imocha/:candidate');
		expect(await methods.checkExists.call(context)).toBe(false);
		await expect(methods.create.call(context)).rejects.toThrow(/contains ":", which makes n8n serve the trigger at \/webhook\/<webhook ID>/);
	});
});
