import { cleanTriggerPath } from './url';

/**
 * The production URLs of the iMocha Triggers active in this n8n process, by path. Only n8n knows
 * its webhook prefix (N8N_ENDPOINT_WEBHOOK) and webhook host (WEBHOOK_URL), and it tells them to
 * a trigger (getNodeWebhookUrl) but not to an action node; so each trigger records its URL at
 * activation and the invite operations read it. In queue mode the workers run in other processes
 * and find nothing here: the operations then fall back to the default prefix, and the README says
 * to set "Webhook Base URL" there.
 */
const urls = new Map<string, string>();

/** Records the URL (without its query) a trigger serves; called at activation and on restart. */
export function rememberTriggerUrl(path: string, url: string): void {
	urls.set(cleanTriggerPath(path), url.split('?')[0]);
}

/** Forgets the path when its trigger is deactivated (only if it still points at that URL). */
export function forgetTriggerUrl(path: string, url: string | undefined): void {
	const key = cleanTriggerPath(path);
	if (url === undefined || urls.get(key) === url.split('?')[0]) urls.delete(key);
}

/** The URL an active trigger in this process serves for the path, if any. */
export function activeTriggerUrl(path: string): string | undefined {
	return urls.get(cleanTriggerPath(path));
}
