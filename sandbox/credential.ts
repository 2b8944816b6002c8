import { SANDBOX_API_KEY } from './seed';

/**
 * The iMocha API credential's data for a sandbox at `url`: the Skills Assessment API at the root
 * and the Skills Intelligence API under /si. Used by tests, the benchmark and `npm start`.
 */
export function sandboxCredentialData(url: string, callbackSecret = '') {
	return {
		apiKey: SANDBOX_API_KEY,
		region: 'custom',
		customBaseUrl: url,
		intelligenceBaseUrl: `${url}/si`,
		callbackSecret,
	};
}

/** The same, as an entry for `n8n import:credentials`. */
export function sandboxCredentialImport(credential: { id: string; name: string }, url: string, callbackSecret = '') {
	return { ...credential, type: 'imochaApi', data: sandboxCredentialData(url, callbackSecret) };
}
