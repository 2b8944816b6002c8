import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CALLBACK_TOKEN_PARAMETER, DEFAULT_TRIGGER_PATH, triggerCallbackUrl } from '../../callbacks/url';
import { checkText, invalid } from '../../operation/validate';
import { connectionFor } from '../../transport';

/**
 * Where iMocha posts an invitation's results. iMocha has no webhook registration: the callback
 * URL travels with each invite call (https://developer.imocha.io/callback-notification-1174961m0), so the invite operations fill it in.
 */
export type CallbackTarget = 'none' | 'trigger' | 'url';

export const callbackTargetFields: INodeProperties[] = [
	{
		displayName: 'Send Results To',
		name: 'callbackTarget',
		type: 'options',
		options: [
			{
				name: 'Nowhere (Poll or Check Reports)',
				value: 'none',
				description: 'No callback: read the result later with Report > Get or Callback > Get Attempts',
			},
			{
				name: 'iMocha Trigger on This Instance',
				value: 'trigger',
				description:
					"The iMocha Trigger of this n8n instance receives \"In Progress\" and the final result (production URL, carrying the credential's Callback Secret)",
			},
			{
				name: 'Custom URL',
				value: 'url',
				description: 'A URL of your choice receives the results',
			},
		],
		default: 'none',
		description:
			'Where iMocha sends the callbacks of this invitation (when the test starts and when it ends). iMocha keeps the URL with the invitation.',
	},
	{
		displayName: 'Trigger Path',
		name: 'triggerPath',
		type: 'string',
		default: DEFAULT_TRIGGER_PATH,
		placeholder: `e.g. ${DEFAULT_TRIGGER_PATH}`,
		description:
			'The Path set in the iMocha Trigger node. The workflow with the trigger must be active: iMocha calls its production URL.',
		displayOptions: { show: { callbackTarget: ['trigger'] } },
	},
	{
		displayName: 'Webhook Base URL',
		name: 'webhookBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://hooks.example.com/',
		description:
			"Leave empty to use this instance's own URL. Set it when iMocha must reach n8n at another address than the editor (a separate webhook host, WEBHOOK_URL differing from N8N_EDITOR_BASE_URL).",
		displayOptions: { show: { callbackTarget: ['trigger'] } },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://hooks.example.com/imocha',
		description: 'The HTTP(S) address iMocha posts the results to. It must accept POST over TLS 1.2 or newer.',
		displayOptions: { show: { callbackTarget: ['url'] } },
	},
];

/** Checks an address the user typed is an absolute http(s) URL, and returns it trimmed. */
export function checkHttpUrl(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = checkText(context, itemIndex, field, value);
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw invalid(
			context,
			itemIndex,
			field,
			`must be an http or https URL (got "${text.length > 80 ? `${text.slice(0, 77)}...` : text}")`,
			'Use a full address such as https://hooks.example.com/imocha.',
		);
	}
	return text;
}

/**
 * The callback URL to send for this item, or undefined for "Nowhere". Reads the credential
 * (for the Callback Secret) but sends no request, so it is safe in `prepare`.
 */
export async function resolveCallbackUrl(context: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const target = context.getNodeParameter('callbackTarget', itemIndex, 'none') as CallbackTarget;
	if (target === 'url') {
		return checkHttpUrl(context, itemIndex, 'Callback URL', context.getNodeParameter('callbackUrl', itemIndex, ''));
	}
	if (target === 'trigger') {
		const path = checkText(context, itemIndex, 'Trigger Path', context.getNodeParameter('triggerPath', itemIndex, DEFAULT_TRIGGER_PATH));
		const connection = await connectionFor(context);
		return triggerCallbackUrl(webhookBase(context, itemIndex), path, connection.callbackSecret);
	}
	return undefined;
}

/**
 * n8n builds production webhook URLs from its webhook base, but a node can only read the
 * instance URL, which is the editor URL when N8N_EDITOR_BASE_URL is set: hence the override.
 */
function webhookBase(context: IExecuteFunctions, itemIndex: number): string {
	const override = context.getNodeParameter('webhookBaseUrl', itemIndex, '') as string;
	return override.trim() ? checkHttpUrl(context, itemIndex, 'Webhook Base URL', override) : context.getInstanceBaseUrl();
}

/** Keeps the Callback Secret out of output items (execution logs, AI agents). */
export function hideToken(url: unknown): unknown {
	if (typeof url !== 'string' || !url) return url;
	try {
		const parsed = new URL(url);
		if (!parsed.searchParams.has(CALLBACK_TOKEN_PARAMETER)) return url;
		parsed.searchParams.set(CALLBACK_TOKEN_PARAMETER, '***');
		return parsed.toString();
	} catch {
		return url;
	}
}
