import { DEFAULT_TRIGGER_PATH } from '../callbacks/url';

/**
 * What activation checks. iMocha offers no webhook registration (https://developer.imocha.io/callback-notification-1174961m0): the URL travels
 * with each invitation. So activation registers nothing remotely; it only says what would make
 * callbacks fail or go elsewhere. None of these block activation (local n8n is plain http).
 */
export function activationWarnings(webhookUrl: string | undefined, path: string, secret: string): string[] {
	const warnings: string[] = [];
	if (!webhookUrl || !/^https:\/\//i.test(webhookUrl)) {
		warnings.push(
			`The iMocha Trigger's URL (${webhookUrl ?? 'unknown'}) is not https. iMocha only delivers callbacks to https endpoints with TLS 1.2 or newer, so callbacks will not arrive until n8n is reachable over https (set WEBHOOK_URL). Local tests with the sandbox still work.`,
		);
	}
	if (path.trim().replace(/^\/+|\/+$/g, '') !== DEFAULT_TRIGGER_PATH) {
		warnings.push(
			`The iMocha Trigger listens on the path "${path}", not the default "${DEFAULT_TRIGGER_PATH}". Invitations sent by the iMocha node carry the default path unless their callback options name this one.`,
		);
	}
	if (!secret) {
		warnings.push(
			'The iMocha credential has no Callback Secret, so the iMocha Trigger accepts callbacks from anyone who knows its URL. Set one in the credential.',
		);
	}
	return warnings;
}

/** The URL without its query (the token), for logs. */
export function withoutQuery(url: string | undefined): string {
	return (url ?? '').split('?')[0];
}
