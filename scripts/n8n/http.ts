/** HTTP helpers for a throwaway n8n: readiness polling and the public API (the owner is in owner.ts). */

/** Every workflow:* and execution:* scope n8n 2.40.7 accepts for an API key (@n8n/permissions). */
export const API_KEY_SCOPES = [
	'workflow:create',
	'workflow:read',
	'workflow:update',
	'workflow:delete',
	'workflow:list',
	'workflow:move',
	'workflow:activate',
	'workflow:deactivate',
	'workflow:export',
	'workflow:import',
	'execution:delete',
	'execution:read',
	'execution:retry',
	'execution:list',
	'execution:stop',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `url` until it answers 200, `failed()` reports a reason (the server died) or `deadline`
 * (epoch ms) passes.
 */
export async function waitForHttp(url: string, deadline: number, failed: () => string | undefined): Promise<void> {
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		const reason = failed();
		if (reason) throw new Error(reason);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) return;
			last = `HTTP ${res.status}`;
		} catch (err) {
			last = (err as Error).message;
		}
		await sleep(250);
	}
	throw new Error(`timed out waiting for ${url} (last: ${last})`);
}

/**
 * Waits until a production webhook is registered, without running its workflow. A plain GET is
 * no probe: n8n answers 404 both for an unknown path and for a POST-only webhook. A CORS preflight
 * naming `method` answers 204 once the webhook exists and fails (500 in n8n 2.40.7) before.
 */
export async function waitForWebhookRegistered(url: string, timeoutMs: number, method = 'POST'): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		try {
			const res = await fetch(url, {
				method: 'OPTIONS',
				headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': method },
				signal: AbortSignal.timeout(2000),
			});
			await res.arrayBuffer();
			if (res.ok) return;
			last = `HTTP ${res.status}`;
		} catch (err) {
			last = (err as Error).message;
		}
		await sleep(200);
	}
	throw new Error(`webhook ${method} ${url} was not registered within ${timeoutMs} ms (last: ${last})`);
}

async function request(url: string, init: RequestInit): Promise<{ res: Response; body: any }> {
	const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
	const text = await res.text();
	let body: any = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// Not JSON: keep the text for the error message.
	}
	if (!res.ok) {
		throw new Error(`${init.method ?? 'GET'} ${url} -> HTTP ${res.status}: ${text.slice(0, 500)}`);
	}
	return { res, body };
}

export async function publicApi<T>(
	baseUrl: string,
	apiKey: string,
	method: string,
	apiPath: string,
	body?: unknown,
): Promise<T> {
	const headers: Record<string, string> = { 'X-N8N-API-KEY': apiKey, Accept: 'application/json' };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await request(`${baseUrl}/api/v1${apiPath}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return res.body as T;
}
