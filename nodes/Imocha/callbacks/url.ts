/**
 * The contract between the invite operations and the iMocha Trigger: the trigger listens on a
 * fixed path (no webhook ID in the URL, so another node can compute it) and accepts only
 * callbacks whose `token` query parameter equals the credential's Callback Secret.
 */
export const DEFAULT_TRIGGER_PATH = 'imocha-callbacks';
export const CALLBACK_TOKEN_PARAMETER = 'token';

export function triggerCallbackUrl(webhookBaseUrl: string, path: string, secret: string): string {
	const base = webhookBaseUrl.endsWith('/') ? webhookBaseUrl : `${webhookBaseUrl}/`;
	const cleanPath = path.trim().replace(/^\/+|\/+$/g, '');
	const url = new URL(`${base}webhook/${cleanPath}`);
	if (secret) url.searchParams.set(CALLBACK_TOKEN_PARAMETER, secret);
	return url.toString();
}
