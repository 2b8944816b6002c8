/**
 * Workflows for test/e2e/nodeSettings.test.ts: Webhook -> Split Out (one item per posted
 * candidate) -> iMocha Invite under n8n node settings -> a No Op node on each output.
 */
import { byId, type CredentialRef } from '../../scripts/workflows/chain';
import { JAVA } from '../../scripts/workflows/resources';

export interface SettingsWorkflowOptions {
	id: string;
	path: string;
	credential: CredentialRef;
	/** n8n's node settings on the iMocha node, as the editor saves them. */
	settings: Record<string, unknown>;
}

const node = (name: string, type: string, typeVersion: number, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	id: `${name.toLowerCase().replace(/\W+/g, '-')}-0000-4000-8000-000000000000`.slice(0, 36),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});

export function settingsWorkflow(options: SettingsWorkflowOptions) {
	const errorOutput = options.settings.onError === 'continueErrorOutput';
	const nodes = [
		node('Start', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path: options.path, responseMode: 'onReceived', options: {} }, {
			webhookId: `${options.id}-hook`,
		}),
		node('Candidates', 'n8n-nodes-base.splitOut', 1, 220, { fieldToSplitOut: 'body.candidates', options: {} }),
		node(
			'Invite',
			'n8n-nodes-imocha.imocha',
			1,
			440,
			{
				resource: 'invitation',
				operation: 'invite',
				testId: byId(JAVA),
				candidateEmail: '={{ $json.email }}',
				candidateName: '={{ $json.name }}',
			},
			{ credentials: { imochaApi: options.credential }, ...options.settings },
		),
		node('On Success', 'n8n-nodes-base.noOp', 1, 660, {}),
		...(errorOutput ? [node('On Error', 'n8n-nodes-base.noOp', 1, 660, {})] : []),
	];
	const inviteOutputs = [[{ node: 'On Success', type: 'main', index: 0 }], ...(errorOutput ? [[{ node: 'On Error', type: 'main', index: 0 }]] : [])];
	return {
		id: options.id,
		name: `e2e node settings ${options.path}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections: {
			Start: { main: [[{ node: 'Candidates', type: 'main', index: 0 }]] },
			Candidates: { main: [[{ node: 'Invite', type: 'main', index: 0 }]] },
			Invite: { main: inviteOutputs },
		},
	};
}
