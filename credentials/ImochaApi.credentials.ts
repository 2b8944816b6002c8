import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Hosts named in iMocha's documentation. The regional hosts page was unavailable: see README. */
export const GLOBAL_ASSESSMENT_URL = 'https://apiv3.imocha.io';
export const DEFAULT_INTELLIGENCE_URL = 'https://api.skillsintelligence.imocha.io';

export class ImochaApi implements ICredentialType {
	name = 'imochaApi';

	displayName = 'iMocha API';

	icon = { light: 'file:imocha.svg', dark: 'file:imocha.dark.svg' } as const;

	documentationUrl = 'https://developer.imocha.io/authentication-mechanism-1162129m0';

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
			description: 'Base URL of the Skills Assessment API, without the /v3 path',
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
			baseURL:
				'={{($credentials.region === "custom" ? $credentials.customBaseUrl : $credentials.region).replace(/\\/+$/, "")}}',
			url: '/v3/accounts/business-units',
			method: 'GET',
		},
	};
}
