/**
 * Real outputs of every operation of the iMocha node and of both triggers, produced against the
 * sandbox with the parameters the real-n8n suite uses (scripts/workflows/resources.ts). The
 * output schemas in `__schema__` folders are generated from these samples
 * and checked against them by test/contract/outputSchemas.test.ts (`npm run schemas` regenerates them).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

// The action node first: the triggers import its modules, which must not load half-way through it.
import { imochaNode, runImocha, sandboxCredentials } from './runNode';
import { ImochaPollTrigger } from '../../nodes/Imocha/ImochaPollTrigger.node';
import { ImochaTrigger } from '../../nodes/Imocha/ImochaTrigger.node';
import type { Sandbox } from '../../sandbox/server';
import { resourceWorkflows } from '../../scripts/workflows/resources';
import { createExecuteContext } from './context';
import { createPollContext, createRunContext, createWebhookContext, ProcessedStore } from './webhookContext';

export interface OutputSample {
	/** The node type without the package prefix, as n8n's schema route names it. */
	node: 'imocha' | 'imochaTrigger' | 'imochaPollTrigger';
	resource?: string;
	operation?: string;
	/** The `json` of every item the run returned. */
	items: IDataObject[];
}

const CALLBACK_SECRET = 'schema-secret';
/** A finished attempt of the sandbox seed, as iMocha posts it (reference §4.1). */
const SEEDED_CALLBACK = {
	CandidateEmailId: 'may.lee@example.com',
	AttemptedOn: '09-Oct-2026 06:51 PM',
	TotalScore: 115,
	CandidateScore: 92,
	ReportPDFUrl: 'https://app.imocha.io/PDFReport?id=x',
	TestInvitationId: 2655161,
	Status: 'Complete',
	AttemptedOnUtc: '2026-10-09T13:21:53',
	PerformanceCategory: 'Expert',
};

/** `={{ $('Node').first().json.field }}`: the one expression shape the fixtures use. */
const REFERENCE = /^=\{\{ \$\('([^']+)'\)\.first\(\)\.json\.(\w+) \}\}$/;

/** Replaces the fixtures' references to earlier steps with those steps' real outputs. */
function resolve(value: unknown, outputs: Record<string, INodeExecutionData[]>): unknown {
	if (typeof value === 'string') {
		const match = REFERENCE.exec(value);
		if (!match) return value;
		const source = outputs[match[1]]?.[0]?.json;
		if (!source) throw new Error(`step "${match[1]}" has no output for ${value}`);
		return source[match[2]];
	}
	if (Array.isArray(value)) return value.map((entry) => resolve(entry, outputs));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolve(entry, outputs)]));
	}
	return value;
}

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** Every operation of the fixtures' tour, run in order per resource. */
async function operationSamples(sandbox: Sandbox): Promise<OutputSample[]> {
	const samples: OutputSample[] = [];
	const workflows = resourceWorkflows({ id: 'schemas', name: 'schemas' });
	for (const workflow of Object.values(workflows)) {
		const outputs: Record<string, INodeExecutionData[]> = {};
		for (const node of workflow.nodes.filter((entry) => entry.type === 'n8n-nodes-imocha.imocha')) {
			const parameters = resolve(node.parameters, outputs) as IDataObject;
			const items = await runImocha(sandbox, { parameters });
			outputs[node.name] = items;
			samples.push({ node: 'imocha', resource: String(parameters.resource), operation: String(parameters.operation), items: jsonOf(items) });
		}
	}
	return samples;
}

/**
 * Invite and Wait returns one of two items: the callback's result when iMocha reports back, or a
 * timed-out item when the time limit resumes the execution. Both are real outputs.
 */
async function inviteAndWaitSample(sandbox: Sandbox): Promise<OutputSample> {
	const parameters = {
		resource: 'invitation',
		operation: 'inviteAndWait',
		testId: { __rl: true, mode: 'id', value: '1134601' },
		candidateEmail: 'schema.wait@example.com',
		candidateName: 'Schema Wait',
		waitAmount: 2,
		waitUnit: 'hours',
	};
	const items = [{ json: {} }];
	const context = Object.assign(
		createExecuteContext({ parameters, items, credentials: sandboxCredentials(sandbox), properties: imochaNode.description.properties }),
		{
			evaluateExpression: () => 'https://n8n.example.com/webhook-waiting/1?signature=x',
			putExecutionToWait: async () => undefined,
		},
	);
	const executeData = { node: context.getNode(), data: { main: [items] }, source: null };
	Object.assign(context, { getExecuteData: () => executeData });
	const [timedOut] = await imochaNode.execute.call(context);

	const hook = createWebhookContext({
		body: { ...SEEDED_CALLBACK, TestInvitationId: timedOut[0].json.testInvitationId },
		parameters,
		credentials: sandboxCredentials(sandbox),
		properties: imochaNode.description.properties,
	});
	const resumed = await imochaNode.webhook.call(hook);
	return { node: 'imocha', resource: 'invitation', operation: 'inviteAndWait', items: [...jsonOf(timedOut), ...jsonOf(resumed.workflowData?.[0] ?? [])] };
}

/** The iMocha Trigger with its default options, for a finished attempt and one in progress: what its run step emits. */
async function webhookTriggerSample(sandbox: Sandbox): Promise<OutputSample> {
	const trigger = new ImochaTrigger();
	const inProgress = { ...SEEDED_CALLBACK, TestInvitationId: 2894726, Status: 'In Progress', TotalScore: 0, CandidateScore: 0, ReportPDFUrl: null, PerformanceCategory: null };
	const items: IDataObject[] = [];
	for (const body of [SEEDED_CALLBACK, inProgress]) {
		const context = createWebhookContext({
			body,
			query: { token: CALLBACK_SECRET },
			parameters: { path: 'imocha-callbacks' },
			credentials: sandboxCredentials(sandbox, { callbackSecret: CALLBACK_SECRET }),
			properties: trigger.description.properties,
		});
		const result = await trigger.webhook.call(context);
		const run = createRunContext({
			parameters: { path: 'imocha-callbacks' },
			credentials: sandboxCredentials(sandbox, { callbackSecret: CALLBACK_SECRET }),
			properties: trigger.description.properties,
			items: result.workflowData?.[0] ?? [],
			store: new ProcessedStore(),
		});
		const [emitted] = await trigger.execute.call(run);
		items.push(...jsonOf(emitted));
	}
	return { node: 'imochaTrigger', items };
}

/** The iMocha Poll Trigger with its default options, over attempts in each state it reports. */
async function pollTriggerSample(sandbox: Sandbox): Promise<OutputSample> {
	const trigger = new ImochaPollTrigger();
	const updatedAt = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const base = { testId: 292930, testLinkId: 0, invitationType: 'api', sendEmail: 'no', hideInstruction: 0, updatedAt } as const;
	let id = 7_900_000;
	for (const status of ['Complete', 'Cancelled', 'Expired'] as const) {
		id++;
		sandbox.state.invitations.push({
			...base,
			testInvitationId: id,
			email: `schema.poll.${id}@example.com`,
			name: `Schema Poll ${id}`,
			status,
			...(status === 'Complete' ? { candidatePoints: 70, totalTestPoints: 115, performanceCategory: 'Intermediate' } : {}),
		});
	}
	const context = createPollContext({ parameters: {}, credentials: sandboxCredentials(sandbox), properties: trigger.description.properties, mode: 'trigger' });
	const result = await trigger.poll.call(context);
	return { node: 'imochaPollTrigger', items: jsonOf(result?.[0] ?? []) };
}

/** Runs everything against the given sandbox (which it changes: give it a fresh one). */
export async function collectOutputSamples(sandbox: Sandbox): Promise<OutputSample[]> {
	return [
		...(await operationSamples(sandbox)),
		await inviteAndWaitSample(sandbox),
		await webhookTriggerSample(sandbox),
		await pollTriggerSample(sandbox),
	];
}
