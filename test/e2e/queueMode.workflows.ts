/** The workflows of the queue-mode suite: bulk invite, iMocha Trigger, Invite and Wait, poll trigger. */
import { JAVA } from '../../scripts/workflows/resources';
import { byId, type CredentialRef } from '../../scripts/workflows/chain';

export const TRIGGER_PATH = 'queue-callbacks';
export const BULK_PATH = 'queue-bulk-invite';
export const WAIT_PATH = 'queue-invite-and-wait';

const node = (id: string, name: string, type: string, parameters: object, extra: object = {}) => ({
	id: `9e1d0c4a-0000-4000-8000-${id.padStart(12, '0')}`,
	name,
	type,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	...extra,
});

const chain = (...names: string[]) =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

const webhookStart = (id: string, path: string) =>
	node(id, 'Start', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, {
		typeVersion: 2,
		webhookId: `9e1d0c4a-1111-4000-8000-${id.padStart(12, '0')}`,
	});

export function triggerWorkflow(credential: CredentialRef) {
	return {
		id: 'queueTrigger0001',
		name: 'queue: iMocha Trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('1', 'iMocha Trigger', 'n8n-nodes-imocha.imochaTrigger', { path: TRIGGER_PATH, filters: {}, options: {} }, {
				webhookId: '9e1d0c4a-2222-4000-8000-000000000001',
				credentials: { imochaApi: credential },
			}),
		],
		connections: {},
	};
}

/**
 * Webhook -> `count` candidates -> iMocha Invite with the trigger as callback target. The Webhook
 * Base URL is set: in queue mode the node runs on a worker, whose own address is no webhook host.
 */
export function bulkInviteWorkflow(credential: CredentialRef, count: number, publicUrl: string) {
	return {
		id: 'queueBulkInvite1',
		name: 'queue: bulk invite',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookStart('10', BULK_PATH),
			node('11', 'Candidates', 'n8n-nodes-base.code', {
				jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { email: 'queue-' + i + '@example.com', name: 'Queue Candidate ' + i } }));`,
			}, { typeVersion: 2 }),
			node('12', 'Invite', 'n8n-nodes-imocha.imocha', {
				resource: 'invitation',
				operation: 'invite',
				testId: byId(JAVA),
				candidateEmail: '={{ $json.email }}',
				candidateName: '={{ $json.name }}',
				callbackTarget: 'trigger',
				triggerPath: TRIGGER_PATH,
				webhookBaseUrl: publicUrl,
			}, { credentials: { imochaApi: credential } }),
		],
		connections: chain('Start', 'Candidates', 'Invite'),
	};
}

export function inviteAndWaitWorkflow(credential: CredentialRef, email: string) {
	return {
		id: 'queueInviteWait1',
		name: 'queue: invite and wait',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ ...webhookStart('20', WAIT_PATH), parameters: { httpMethod: 'POST', path: WAIT_PATH, responseMode: 'onReceived', options: {} } },
			node('21', 'iMocha', 'n8n-nodes-imocha.imocha', {
				resource: 'invitation',
				operation: 'inviteAndWait',
				testId: byId(JAVA),
				candidateEmail: email,
				candidateName: 'Queue Wait',
				waitAmount: 1,
				waitUnit: 'hours',
			}, { credentials: { imochaApi: credential } }),
		],
		connections: chain('Start', 'iMocha'),
	};
}

/**
 * The poll trigger on the Java test. n8n polls at most once a minute, and once more on every
 * activation: the suite re-activates it to poll on demand.
 */
export function pollWorkflow(credential: CredentialRef) {
	return {
		id: 'queuePollTrigger',
		name: 'queue: poll trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('30', 'iMocha Poll Trigger', 'n8n-nodes-imocha.imochaPollTrigger', {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				states: ['completed'],
				filters: { testIds: String(JAVA) },
				options: {},
			}, { credentials: { imochaApi: credential } }),
		],
		connections: {},
	};
}
