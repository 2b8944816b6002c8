/**
 * The one client for an n8n instance's owner: creating it, a session for the internal
 * /rest API and API keys for the public API. Used by the real-n8n tests, `npm start` and the bench.
 */

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	/** n8n requires 8-64 characters with at least one number and one capital letter. */
	password: string;
}

/** n8n binds its auth cookie to this header when one is sent: every call of a session sends the same. */
const BROWSER_ID = 'n8n-nodes-imocha';

export interface Session {
	/** Headers for /rest calls: the auth cookie and the browser id it is bound to. */
	headers: Record<string, string>;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID, ...headers },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(30_000),
	});
	if (!response.ok) throw new Error(`POST ${url} -> HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
	return response;
}

function sessionOf(response: Response): Session {
	const cookie = response.headers
		.getSetCookie()
		.map((entry) => entry.split(';')[0])
		.join('; ');
	if (!cookie) throw new Error('n8n returned no session cookie');
	return { headers: { Cookie: cookie, 'browser-id': BROWSER_ID } };
}

/** Creates the owner of an instance that has none yet. */
export async function setupOwner(baseUrl: string, owner: Owner): Promise<Session> {
	return sessionOf(await post(`${baseUrl}/rest/owner/setup`, owner));
}

export async function restGet<T = any>(baseUrl: string, session: Session, restPath: string): Promise<T> {
	const response = await fetch(`${baseUrl}${restPath}`, { headers: session.headers, signal: AbortSignal.timeout(30_000) });
	if (!response.ok) throw new Error(`GET ${restPath} -> HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
	return (await response.json()) as T;
}

/** An API key for n8n's public API, created in the owner's session (the UI's Settings > n8n API). */
export async function createApiKey(baseUrl: string, session: Session, scopes: string[], label: string): Promise<string> {
	const response = await post(`${baseUrl}/rest/api-keys`, { label, scopes, expiresAt: null }, session.headers);
	const body = (await response.json()) as { data?: { rawApiKey?: string } };
	if (!body.data?.rawApiKey) throw new Error('n8n returned no API key');
	return body.data.rawApiKey;
}
