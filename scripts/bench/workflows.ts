/** The benchmark's workflows, generated so that N, URLs and settings live in one place. */

export const CREDENTIAL = { id: 'benchImochaCred01', name: 'iMocha sandbox (bench)' };
export const CALLBACK_SECRET = 'bench-secret';
export const TRIGGER_PATH = 'bench-callbacks';
export const TEST_ID = 1134601;

let nodeCounter = 0;
const nodeId = () => `b3nc4000-0000-4000-8000-${String(++nodeCounter).padStart(12, '0')}`;

function linear(id: string, name: string, nodes: any[]): object {
	const placed = nodes.map((node, index) => ({ id: nodeId(), position: [index * 220, 0], ...node }));
	const connections: Record<string, object> = {};
	for (let i = 0; i < placed.length - 1; i++) {
		connections[placed[i].name] = { main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: {}, nodes: placed, connections };
}

const manualTrigger = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };

/** N candidates as a sheet or ATS export would give them. */
function candidates(prefix: string, count: number) {
	return {
		name: 'Candidates',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { email: '${prefix}-' + i + '@bench.example.com', name: 'Bench Candidate ' + i } }));`,
		},
	};
}

export const imochaCredentials = { imochaApi: CREDENTIAL };

export function imochaInviteWorkflow(id: string, prefix: string, count: number): object {
	return linear(id, `bench: iMocha node invites ${count}`, [
		manualTrigger,
		candidates(prefix, count),
		{
			name: 'Invite',
			type: 'n8n-nodes-imocha.imocha',
			typeVersion: 1,
			credentials: imochaCredentials,
			parameters: {
				resource: 'invitation',
				operation: 'invite',
				testId: { __rl: true, mode: 'id', value: String(TEST_ID) },
				candidateEmail: '={{ $json.email }}',
				candidateName: '={{ $json.name }}',
			},
		},
	]);
}

export interface Batching {
	batchSize: number;
	batchInterval: number;
}

/** What a user builds without this package: the HTTP Request node against the same endpoint. */
export function httpInviteWorkflow(id: string, prefix: string, count: number, baseUrl: string, apiKey: string, batching?: Batching): object {
	return linear(id, `bench: HTTP Request invites ${count}${batching ? ' (batched)' : ''}`, [
		manualTrigger,
		candidates(prefix, count),
		{
			name: 'Invite',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${baseUrl}/v3/tests/${TEST_ID}/invite`,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'X-API-KEY', value: apiKey }] },
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ email: $json.email, name: $json.name }) }}',
				options: batching ? { batching: { batch: batching } } : {},
			},
		},
	]);
}

export function returnAllWorkflow(id: string, window: { start: string; end: string }, returnAll: boolean): object {
	return linear(id, `bench: Report > Get Many (${returnAll ? 'Return All' : 'one page'})`, [
		manualTrigger,
		{
			name: 'Reports',
			type: 'n8n-nodes-imocha.imocha',
			typeVersion: 1,
			credentials: imochaCredentials,
			parameters: {
				resource: 'report',
				operation: 'getMany',
				returnAll,
				limit: 100,
				filters: { startDate: window.start, endDate: window.end },
			},
		},
	]);
}

export const TRIGGER_WEBHOOK_ID = 'b3nc4000-0000-4000-8000-00000000cb01';

export function triggerWorkflow(id: string): object {
	return linear(id, 'bench: iMocha Trigger', [
		{
			name: 'iMocha Trigger',
			type: 'n8n-nodes-imocha.imochaTrigger',
			typeVersion: 1,
			webhookId: TRIGGER_WEBHOOK_ID,
			credentials: imochaCredentials,
			parameters: { path: TRIGGER_PATH },
		},
		{ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
	]);
}
