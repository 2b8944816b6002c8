/** The invite benchmark's rows and the workflows compared in each. */
import { httpInviteWorkflow, imochaInviteWorkflow } from './workflows';

export interface InviteCase {
	rate: number;
	window: 'fixed' | 'sliding';
	latencyMs: number;
	count: number;
}

/** Every rate x window x latency, with N = rate x seconds so that N / R is the same in every row. */
export function inviteMatrix(rates: number[], seconds: number): InviteCase[] {
	const cases: InviteCase[] = [];
	for (const rate of rates) {
		for (const window of ['fixed', 'sliding'] as const) {
			for (const latencyMs of [100, 400]) cases.push({ rate, window, latencyMs, count: rate * seconds });
		}
	}
	return cases;
}

export interface InviteVariant {
	key: string;
	label: string;
	workflow: (id: string, prefix: string, count: number, baseUrl: string, apiKey: string) => object;
}

export const INVITE_VARIANTS: InviteVariant[] = [
	{ key: 'node', label: 'this node, defaults', workflow: (id, prefix, count) => imochaInviteWorkflow(id, prefix, count) },
	{
		key: 'http',
		label: 'HTTP Request node, defaults',
		workflow: (id, prefix, count, baseUrl, apiKey) => httpInviteWorkflow(id, prefix, count, baseUrl, apiKey),
	},
	{
		key: 'batch',
		label: 'HTTP Request node, batching 20 per 1000 ms',
		workflow: (id, prefix, count, baseUrl, apiKey) =>
			httpInviteWorkflow(id, prefix, count, baseUrl, apiKey, { batchSize: 20, batchInterval: 1000 }),
	},
];
