/** HTTP helpers for a throwaway n8n: readiness polling, owner setup, API key, public API. */

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

/** The owner of every throwaway instance; the browser tests sign in with it. */
export const OWNER = {
	email: 'owner@n8n-nodes-imocha.test',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-1234',
};
/** n8n binds its auth cookie to this header when present; send the same one every time. */
const BROWSER_ID = 'n8n-nodes-imocha-e2e';

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

/** Creates the instance owner; returns the session cookie for /rest calls. */
export async function setupOwner(baseUrl: string): Promise<string> {
	const { res } = await request(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify(OWNER),
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (!cookie) throw new Error('n8n owner setup returned no session cookie');
	return cookie;
}

export async function createApiKey(baseUrl: string, cookie: string): Promise<string> {
	const { body } = await request(`${baseUrl}/rest/api-keys`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID, Cookie: cookie },
		body: JSON.stringify({ label: 'e2e', scopes: API_KEY_SCOPES, expiresAt: null }),
	});
	const key = body?.data?.rawApiKey as string | undefined;
	if (!key) throw new Error(`n8n returned no API key: ${JSON.stringify(body).slice(0, 300)}`);
	return key;
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
