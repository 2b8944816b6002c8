import type { IWebhookDescription } from 'n8n-workflow';

/**
 * The key under which n8n 2.40+ looks for resolvers of webhook-description fields
 * (n8n-workflow `interfaces.ts`: `WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers')`).
 * `Symbol.for` gives the same symbol n8n uses without importing it, so n8n 1.x, whose
 * n8n-workflow has no such export, simply ignores the extra key.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

/** The editor's form of the path: what n8n evaluates when no resolver applies. */
const PATH_TEMPLATE = '={{$parameter["path"]}}';

/**
 * The iMocha Trigger's one webhook.
 *
 * Why the resolver: n8n reads `path` of every active webhook on every request
 * (`webhook.service.js` `getWebhookMethods`/`getNodeWebhooks`, n8n 2.40.7). A template alone sends
 * each read through n8n's expression engine; with the resolver (same template, plain read of the
 * `path` parameter) n8n reads it natively whenever the node's parameters hold no expression
 * (n8n-workflow `webhook-description-fields.js`, `resolveWebhookDescriptionField`). With
 * `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true` n8n then creates no expression isolate for a callback
 * at all (README, "Trigger throughput").
 *
 * Answer: `responseData: ''` makes n8n answer with the `webhookResponse` webhook() returns, and
 * only once the run exists (n8n 2.40.7 `webhook-helpers.js`, `shouldDeferOnReceivedResponse`).
 */
export const callbackWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: PATH_TEMPLATE,
	isFullPath: true,
	[WEBHOOK_RESOLVERS]: {
		path: { template: PATH_TEMPLATE, resolve: (parameters: { path?: unknown }) => parameters.path },
	},
};
