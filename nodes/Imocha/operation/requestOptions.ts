import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_SETTINGS, type TransportOverrides } from '../transport';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';

export const DEFAULT_CONCURRENCY = 5;

/** How the node talks to iMocha; the same for every operation. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_CONCURRENCY,
			description:
				'How many items are sent to iMocha at the same time. When iMocha answers "too many requests", every item waits, and the node then spaces its calls at the rate iMocha accepted, so a large list goes as fast as your quota allows without losing items.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description:
				'How often one call is tried in total when iMocha is rate limiting or briefly unavailable. Calls that are not safe to repeat are retried only on rate limits.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'How long to wait for iMocha to answer one call',
		},
	],
};

export interface RequestOptions {
	concurrency: number;
	transport: TransportOverrides;
}

export function readRequestOptions(context: IExecuteFunctions): RequestOptions {
	const options = context.getNodeParameter('requestOptions', 0, {}) as {
		concurrency?: number;
		maxAttempts?: number;
		timeout?: number;
	};
	return {
		concurrency: Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)),
		transport: {
			timeoutMs: Math.max(1, options.timeout ?? DEFAULT_SETTINGS.timeoutMs / 1000) * 1000,
			retry: { maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts)) },
		},
	};
}
