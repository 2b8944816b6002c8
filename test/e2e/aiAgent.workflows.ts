/**
 * The AI Agent workflow of the e2e suite, as a user builds it in the editor: a Webhook starts
 * n8n's AI Agent, whose chat model is the OpenAI Chat Model node (its credential's Base URL points
 * at a scripted server) and whose one tool is the iMocha node as n8n's generated `imochaTool`.
 */
import type { CredentialRef } from '../../scripts/workflows/chain';

export const AGENT_WORKFLOW_ID = 'e2eAiAgentInvite';
export const AGENT_PATH = 'e2e-ai-agent';
export const TOOL_NODE_NAME = 'iMocha';

/**
 * What the editor writes when a parameter's "Let the model define this parameter" button is on:
 * the key is the parameter's display name with spaces as underscores, the description is empty.
 * The model therefore sees the display names (and the tool description) and nothing else.
 */
export const fromAi = (key: string, type = 'string') => `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, '${type}') }}`;

/** The keys the model fills for Invitation > Invite: Test (its ID), Candidate Email, Candidate Name. */
export const MODEL_FILLS = ['Test', 'Candidate_Email', 'Candidate_Name'];

export function openAiCredentialImport(credential: CredentialRef, baseUrl: string) {
	return { ...credential, type: 'openAiApi', data: { apiKey: 'sk-scripted-test-key', url: baseUrl, header: false } };
}

export function aiAgentWorkflow(imocha: CredentialRef, openAi: CredentialRef, model: string) {
	const node = (id: string, name: string, type: string, typeVersion: number, x: number, y: number, parameters: object, extra: object = {}) => ({
		id,
		name,
		type,
		typeVersion,
		position: [x, y],
		parameters,
		...extra,
	});
	return {
		id: AGENT_WORKFLOW_ID,
		name: 'e2e AI Agent invites a candidate',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('7a1c0000-0000-4000-8000-000000000001', 'Start', 'n8n-nodes-base.webhook', 2, 0, 0, {
				httpMethod: 'POST',
				path: AGENT_PATH,
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			}, { webhookId: '7a1c0000-0000-4000-8000-0000000000ff' }),
			node('7a1c0000-0000-4000-8000-000000000002', 'AI Agent', '@n8n/n8n-nodes-langchain.agent', 2.2, 240, 0, {
				promptType: 'define',
				text: '={{ $json.body.prompt }}',
				options: {},
			}),
			node('7a1c0000-0000-4000-8000-000000000003', 'OpenAI Chat Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.2, 160, 220, {
				model: { __rl: true, mode: 'id', value: model },
				options: {},
			}, { credentials: { openAiApi: openAi } }),
			node('7a1c0000-0000-4000-8000-000000000004', TOOL_NODE_NAME, 'n8n-nodes-imocha.imochaTool', 1, 360, 220, {
				descriptionType: 'auto',
				resource: 'invitation',
				operation: 'invite',
				testId: { __rl: true, mode: 'id', value: fromAi(MODEL_FILLS[0]) },
				candidateEmail: fromAi(MODEL_FILLS[1]),
				candidateName: fromAi(MODEL_FILLS[2]),
			}, { credentials: { imochaApi: imocha } }),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[TOOL_NODE_NAME]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}
