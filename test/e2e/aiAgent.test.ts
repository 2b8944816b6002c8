/**
 * n8n's AI Agent uses the iMocha node as a tool, in a real n8n 2.40.7: the agent's chat model is a
 * scripted OpenAI-compatible server on 127.0.0.1 (it asks for one iMocha tool call, then answers
 * with what the tool returned), so the test checks n8n's own tool plumbing end to end: the tool
 * schema n8n derives from the node, the arguments it feeds into the node, the request that reaches
 * iMocha (the sandbox) and the tool result that goes back to the model.
 */
import { testUrlOf } from '../../sandbox/routes/invitations';
import { AGENT_PATH, aiAgentWorkflow, AGENT_WORKFLOW_ID, MODEL_FILLS, openAiCredentialImport, TOOL_NODE_NAME } from './aiAgent.workflows';
import { executionError, SETUP_TIMEOUT_MS, startHarness, until, type Harness } from '../helpers/n8n';
import { JAVA } from '../../scripts/workflows/resources';
import { SCRIPTED_MODEL, startScriptedLlm, type ScriptedLlm } from '../helpers/scriptedLlm';

const IMOCHA = { id: 'e2eAgentImocha', name: 'iMocha sandbox (agent)' };
const OPENAI = { id: 'e2eAgentOpenAi', name: 'Scripted OpenAI-compatible server' };
const CANDIDATE = { email: 'agent.invite@example.com', name: 'Agent Invite' };
const URL_PATTERN = /https:\/\/test\.imocha\.io\/\S+?(?=["\\\s]|$)/;

describe('an AI Agent in a real n8n invites a candidate through the iMocha tool', () => {
	let llm: ScriptedLlm;
	let harness: Harness;

	beforeAll(async () => {
		llm = await startScriptedLlm({
			toolName: new RegExp(`^${TOOL_NODE_NAME}$`, 'i'),
			toolArguments: { [MODEL_FILLS[0]]: String(JAVA), [MODEL_FILLS[1]]: CANDIDATE.email, [MODEL_FILLS[2]]: CANDIDATE.name },
			finalAnswer: (toolResult) => `I invited ${CANDIDATE.name}. Their test link: ${URL_PATTERN.exec(toolResult)?.[0] ?? '(none returned)'}`,
		});
		const workflow = aiAgentWorkflow(IMOCHA, OPENAI, SCRIPTED_MODEL);
		try {
			harness = await startHarness({
				credential: IMOCHA,
				workflows: [workflow],
				activate: [AGENT_WORKFLOW_ID],
				extraCredentials: [openAiCredentialImport(OPENAI, llm.url)],
			});
		} catch (error) {
			await llm.close();
			throw error;
		}
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await harness?.stop();
		await llm?.close();
	}, 60_000);

	it('the sandbox records the invite the agent asked for, and the answer carries its test URL', async () => {
		const { n8n, sandbox } = harness;
		const url = `${n8n.baseUrl}/webhook/${AGENT_PATH}`;
		await n8n.waitForWebhook(url, 30_000);
		const prompt = `Invite ${CANDIDATE.name} (${CANDIDATE.email}) to iMocha test ${JAVA} and send me the test link.`;
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt }) });
		const body = await response.text();

		const [execution] = await until('the agent run to be stored', async () => {
			const runs = await n8n.listExecutions(AGENT_WORKFLOW_ID);
			return runs.length > 0 && runs[0].status !== 'running' && runs[0].status !== 'new' ? runs : undefined;
		});
		const stored = await n8n.getExecution(execution.id, true);
		expect({ status: stored.status, error: executionError(stored) }).toEqual({ status: 'success', error: undefined });
		expect(response.status).toBe(200);

		// iMocha got exactly the invite the model asked for.
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST /v3/tests/${JAVA}/invite`]);
		expect(sandbox.requests[0].body).toStrictEqual(CANDIDATE);
		const invitation = sandbox.state.invitations.find((candidate) => candidate.email === CANDIDATE.email);
		expect(invitation).toMatchObject({ testId: JAVA, name: CANDIDATE.name });
		const testUrl = testUrlOf(invitation!);

		// The tool result went back to the model, and the agent's answer carries the test URL.
		expect(llm.requests).toHaveLength(2);
		const toolMessage = llm.requests[1].messages.find((message) => message.role === 'tool');
		expect(JSON.stringify(toolMessage?.content)).toContain(testUrl);
		const [answer] = JSON.parse(body) as Array<{ output: string }>;
		expect(answer.output).toBe(`I invited ${CANDIDATE.name}. Their test link: ${testUrl}`);
	}, 180_000);

	it('offers the model one iMocha tool named after the operation, with the parameters it must fill', () => {
		const tools = llm.requests[0].tools ?? [];
		expect(tools.map((tool) => tool.function.name)).toEqual([TOOL_NODE_NAME]);
		const [tool] = tools;
		expect(tool.function.description).toBe('Invite a candidate in iMocha');
		expect(Object.keys(tool.function.parameters.properties).sort()).toEqual([...MODEL_FILLS].sort());
		expect(tool.function.parameters.required.sort()).toEqual([...MODEL_FILLS].sort());
		for (const key of MODEL_FILLS) expect(tool.function.parameters.properties[key].type).toBe('string');
	});
});
