import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Hosts named in iMocha's documentation. The regional hosts page was unavailable: see README. */
export const GLOBAL_ASSESSMENT_URL = 'https://apiv3.imocha.io';
export const DEFAULT_INTELLIGENCE_URL = 'https://api.skillsintelligence.imocha.io';

/**
 * What people paste after the host and is not part of the base: trailing slashes and the API's
 * own `/v3` path (every Skills Assessment path starts with it: https://developer.imocha.io/invite-candidate-18117335e0).
 * One pattern, used by the credential test (the n8n expression below) and by the transport
 * (`normaliseAssessmentUrl`), so both call the same address.
 */
const PASTED_SUFFIX = String.raw`(\/+v3)*\/*$`;

/** `https://apiv3.imocha.io/v3/` -> `https://apiv3.imocha.io`; other paths (a proxy prefix) stay. */
export function normaliseAssessmentUrl(url: string): string {
	return url.trim().replace(new RegExp(PASTED_SUFFIX, 'i'), '');
}

export class ImochaApi implements ICredentialType {
	name = 'imochaApi';

	displayName = 'iMocha API';

	icon = { light: 'file:imocha.svg', dark: 'file:imocha.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-imocha/n8n-nodes-imocha#credentials';

	// Lets the HTTP Request node use this credential for any iMocha endpoint the nodes do not cover.
	httpRequestNode = {
		name: 'iMocha',
		docsUrl: 'https://developer.imocha.io/',
		apiBaseUrlPlaceholder: `${GLOBAL_ASSESSMENT_URL}/v3/`,
	};

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The key shown at the top right of the Integrations page in the iMocha web app',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Global (apiv3.imocha.io)', value: GLOBAL_ASSESSMENT_URL },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: GLOBAL_ASSESSMENT_URL,
			description:
				'Where your iMocha account lives. Choose Custom URL for a regional host your iMocha contact gave you, a proxy, or the local sandbox.',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://apiv3.imocha.io',
			description: 'Base URL of the Skills Assessment API. A trailing /v3 (the API path) is removed, so a URL pasted from iMocha\'s examples works too.',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Skills Intelligence Base URL',
			name: 'intelligenceBaseUrl',
			type: 'string',
			default: DEFAULT_INTELLIGENCE_URL,
			description:
				'Base URL of the Skills Intelligence API, which iMocha serves from its own host. The same API key is sent to it.',
		},
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. When set, the iMocha Trigger accepts only callbacks whose URL carries this secret, and the invite operations add it to the callback URL they send.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-API-KEY': '={{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{String($credentials.region === "custom" ? $credentials.customBaseUrl : $credentials.region).trim().replace(/${PASTED_SUFFIX}/i, "")}}`,
			url: '/v3/accounts/business-units',
			method: 'GET',
		},
		// n8n shows only the HTTP status text ("Unauthorized") unless a rule names the message. A rule's
		// message is fixed text, so it quotes iMocha's documented answer to a bad key
		// (https://developer.imocha.io/authentication-mechanism-1162129m0) and says what to do.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'iMocha answered 401: "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription." Copy the API key again from iMocha\'s Integrations page and check that the Region matches your account.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'iMocha answered 403 Forbidden: this API key may not read business units. Ask your iMocha admin for a key with API access.',
				},
			},
		],
	};
}
