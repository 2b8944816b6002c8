import type { IDataObject } from 'n8n-workflow';

import { ImochaTrigger } from '../../../nodes/Imocha/ImochaTrigger.node';
import { activationWarnings } from '../../../nodes/Imocha/trigger/lifecycle';
import { createHookContext } from '../../helpers/webhookContext';

const trigger = new ImochaTrigger();
const methods = trigger.webhookMethods.default;
const HTTPS_URL = 'https://n8n.example.com/webhook/imocha-callbacks';

function hook(options: { url?: string; secret?: string; parameters?: IDataObject; staticData?: IDataObject } = {}) {
	return createHookContext({
		parameters: { path: 'imocha-callbacks', ...(options.parameters ?? {}) },
		credentials: { apiKey: 'k', region: 'custom', customBaseUrl: 'http://127.0.0.1:1', callbackSecret: options.secret ?? 'cb' },
		properties: trigger.description.properties,
		staticData: options.staticData,
		webhookUrl: 'url' in options ? options.url : HTTPS_URL,
	});
}

describe('lifecycle (nothing to register at iMocha: validate only)', () => {
	it('reports "not existing" until create validated this URL, then "existing"', async () => {
		const staticData: IDataObject = {};
		expect(await methods.checkExists.call(hook({ staticData }))).toBe(false);
		expect(await methods.create.call(hook({ staticData }))).toBe(true);
		expect(staticData).toEqual({ validatedUrl: HTTPS_URL });
		expect(await methods.checkExists.call(hook({ staticData }))).toBe(true);
		// Another URL (path changed, WEBHOOK_URL changed) must be validated again.
		expect(await methods.checkExists.call(hook({ staticData, url: 'https://other.example.com/webhook/x' }))).toBe(false);
	});

	it('creates with no warning for an https URL, the default path and a secret', async () => {
		const context = hook();
		await methods.create.call(context);
		expect(context.logger.warnings).toEqual([]);
		expect(context.logger.infos).toEqual([`iMocha Trigger listening on ${HTTPS_URL}`]);
	});

	it('warns, without blocking, when the URL is not https', async () => {
		const context = hook({ url: 'http://localhost:5678/webhook/imocha-callbacks' });
		expect(await methods.create.call(context)).toBe(true);
		expect(context.logger.warnings).toHaveLength(1);
		expect(context.logger.warnings[0]).toMatch(/is not https\. iMocha only delivers callbacks to https endpoints with TLS 1\.2/);
	});

	it('warns about a non-default path and a missing Callback Secret', async () => {
		const context = hook({ secret: '', parameters: { path: 'hr-tests' } });
		await methods.create.call(context);
		expect(context.logger.warnings.join('\n')).toMatch(/listens on the path "hr-tests", not the default "imocha-callbacks"/);
		expect(context.logger.warnings.join('\n')).toMatch(/no Callback Secret/);
	});

	it('refuses to activate with test IDs that are not numbers', async () => {
		const staticData: IDataObject = {};
		await expect(methods.create.call(hook({ staticData, parameters: { filters: { testIds: '292930, abc' } } }))).rejects.toThrow(
			'Test IDs must be numbers: abc',
		);
		expect(staticData).toEqual({});
	});

	it('lets credential errors surface instead of swallowing them', async () => {
		const context = hook();
		(context as any).getCredentials = async () => {
			throw new Error('Credential not found');
		};
		await expect(methods.create.call(context)).rejects.toThrow('Credential not found');
	});

	it('delete forgets the validation and succeeds (nothing exists at iMocha)', async () => {
		const staticData: IDataObject = { validatedUrl: HTTPS_URL, seen: { '1:complete': 1 } };
		expect(await methods.delete.call(hook({ staticData }))).toBe(true);
		expect(staticData).toEqual({ seen: { '1:complete': 1 } });
	});
});

describe('activationWarnings', () => {
	it('treats a missing URL as not https and accepts a trailing-slash path', () => {
		expect(activationWarnings(undefined, '/imocha-callbacks/', 'x')).toEqual([expect.stringMatching(/\(unknown\) is not https/)]);
		expect(activationWarnings('HTTPS://N8N.EXAMPLE.COM/webhook/imocha-callbacks', 'imocha-callbacks', 'x')).toEqual([]);
	});
});
