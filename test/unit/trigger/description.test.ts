import { DEFAULT_TRIGGER_PATH } from '../../../nodes/Imocha/callbacks/url';
import { ImochaPollTrigger } from '../../../nodes/Imocha/ImochaPollTrigger.node';
import { ATTEMPT_STATES } from '../../../nodes/Imocha/api/assessment';
import { WEBHOOK_DEDUPE } from '../../../nodes/Imocha/callbacks/dedupe';
import { DEFAULT_EVENTS } from '../../../nodes/Imocha/trigger/description';
import { ImochaTrigger } from '../../../nodes/Imocha/ImochaTrigger.node';

const webhookTrigger = new ImochaTrigger().description;
const pollTrigger = new ImochaPollTrigger().description;
const property = (name: string) => webhookTrigger.properties.find((entry) => entry.name === name)!;

describe('iMocha Trigger description', () => {
	it('is the webhook trigger the invite operations target: fixed full path from the "path" parameter', () => {
		expect(webhookTrigger).toMatchObject({ name: 'imochaTrigger', displayName: 'iMocha Trigger', version: [1, 1.1], inputs: [] });
		// As the editor gets it (JSON): the native path resolver for n8n's backend is not part of it.
		expect(JSON.parse(JSON.stringify(webhookTrigger.webhooks))).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: '={{$parameter["path"]}}', isFullPath: true },
		]);
		expect(property('path').default).toBe(DEFAULT_TRIGGER_PATH);
		expect(webhookTrigger.credentials).toEqual([{ name: 'imochaApi', required: true }]);
		expect(webhookTrigger.usableAsTool).toBeUndefined();
	});

	it('defaults to the completion statuses and a 24 h de-duplication window (literals the linter requires)', () => {
		expect(property('statuses').default).toEqual(DEFAULT_EVENTS);
		const dedupe = property('options').options!.find((option) => option.name === 'dedupeHours') as { default: number };
		expect(dedupe.default * 3600_000).toBe(WEBHOOK_DEDUPE.ttlMs);
	});

	it('explains test vs production URL in the trigger panel', () => {
		type Both = { active: string; inactive: string };
		const panel = webhookTrigger.triggerPanel as { executionsHelp: Both; activationHint: Both };
		expect(panel.executionsHelp.inactive).toMatch(/test URL.*only while the editor listens/i);
		for (const help of [panel.executionsHelp.inactive, panel.executionsHelp.active]) {
			expect(help).toMatch(/production URL/);
			// n8n 2.x's button, and the token the test URL needs.
			expect(help).toContain('<b>Execute step</b>');
			expect(help).toMatch(/\?token=.*Callback Secret/);
			expect(help).not.toContain('Listen for test event');
		}
		expect(panel.activationHint.inactive).toMatch(/^Publish the workflow.*https/);
		expect(panel.activationHint.active).toMatch(/^Published:.*https/);
	});
});

describe('iMocha Poll Trigger description', () => {
	it('is a polling trigger over every Retrieve Invites state by default', () => {
		expect(pollTrigger).toMatchObject({ name: 'imochaPollTrigger', displayName: 'iMocha Poll Trigger', polling: true, version: 1, inputs: [] });
		expect(pollTrigger.properties.find((entry) => entry.name === 'states')!.default).toEqual([...ATTEMPT_STATES]);
		expect(pollTrigger.credentials).toEqual([{ name: 'imochaApi', required: true }]);
		expect(pollTrigger.usableAsTool).toBeUndefined();
	});
});
