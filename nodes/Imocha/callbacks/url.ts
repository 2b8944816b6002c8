/**
 * The contract between the invite operations and the iMocha Trigger: the trigger listens on a
 * fixed path (no webhook ID in the URL, so another node can compute it) and accepts only
 * callbacks whose `token` query parameter equals the credential's Callback Secret.
 */
export const DEFAULT_TRIGGER_PATH = 'imocha-callbacks';
export const CALLBACK_TOKEN_PARAMETER = 'token';

/** n8n's production webhook prefix when N8N_ENDPOINT_WEBHOOK is not set. */
export const DEFAULT_WEBHOOK_PREFIX = 'webhook';

/** The path as n8n keys it: no leading or trailing slashes. */
export function cleanTriggerPath(path: string): string {
	return path.trim().replace(/^\/+|\/+$/g, '');
}

/**
 * Why n8n would not serve the path at a URL another node can compute, or undefined when it would.
 * A segment starting with ":" makes the path dynamic, and n8n then serves it under the trigger's
 * webhook ID (/webhook/<webhookId>/<path>), which the invite operations cannot know.
 */
export function triggerPathProblem(path: string): string | undefined {
	const clean = cleanTriggerPath(path);
	if (!clean) return 'is empty';
	if (clean.includes(':')) {
		return `("${clean}") contains ":", which makes n8n serve the trigger at /webhook/<webhook ID>/${clean} instead of /webhook/${clean}, so invitations would carry a URL that answers 404`;
	}
	if (/[?#\s]/.test(clean)) return `("${clean}") contains a space, "?" or "#", which cannot be part of a URL path`;
	return undefined;
}

/** The callback URL under a webhook prefix URL (e.g. https://n8n.example.com/webhook/), with the token. */
export function triggerCallbackUrl(webhookPrefixUrl: string, path: string, secret: string): string {
	const prefix = webhookPrefixUrl.endsWith('/') ? webhookPrefixUrl : `${webhookPrefixUrl}/`;
	return withToken(`${prefix}${cleanTriggerPath(path)}`, secret);
}

/** Adds the Callback Secret as the token query parameter (when there is one). */
export function withToken(url: string, secret: string): string {
	const parsed = new URL(url);
	if (secret) parsed.searchParams.set(CALLBACK_TOKEN_PARAMETER, secret);
	return parsed.toString();
}
