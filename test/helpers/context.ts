import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ImochaApi } from '../../credentials/ImochaApi.credentials';
import { performRequest } from './http';

export type Parameters = Record<string, unknown>;

export interface ContextOptions {
	/** The workflow time zone (Workflow Settings > Timezone); UTC when not given. */
	timezone?: string;
	/** The node's type version; 1 when not given. */
	typeVersion?: number;
	/** The node's parameters; a function gives per-item values, as expressions would. */
	parameters: Parameters | ((itemIndex: number) => Parameters);
	credentials: IDataObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node description, for parameter defaults and resource-locator extraction. */
	properties?: INodeProperties[];
	nodeType?: string;
	staticData?: IDataObject;
	/** n8n's node settings, e.g. `{ retryOnFail: true, maxTries: 3 }`. */
	settings?: Partial<INode>;
	executionId?: string;
}

export interface RecordedCall {
	options: IHttpRequestOptions;
}

/**
 * A minimal IExecuteFunctions for running an operation against the sandbox over real HTTP.
 * It applies the credential's own `authenticate` block, so auth is exercised as declared.
 */
export function createExecuteContext(options: ContextOptions): IExecuteFunctions & { calls: RecordedCall[] } {
	const items = options.items ?? [{ json: {} }];
	const calls: RecordedCall[] = [];
	const staticData = options.staticData ?? {};
	const node: INode = {
		id: 'test-node',
		name: 'iMocha',
		type: options.nodeType ?? 'n8n-nodes-imocha.imocha',
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: {},
		...options.settings,
	};
	const paramsFor = (itemIndex: number) =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : options.parameters;

	const context = {
		calls,
		getInputData: () => items,
		getNode: () => node,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async () => options.credentials,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown, extra?: { extractValue?: boolean }) {
			const params = paramsFor(itemIndex);
			let value = readPath(params, name);
			if (value === undefined) value = fallback !== undefined ? fallback : defaultOf(options.properties, name, params);
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return extra?.extractValue ? extractLocator(options.properties, name, value) : value;
		},
		getWorkflowStaticData: () => staticData,
		getInstanceBaseUrl: () => 'http://127.0.0.1:5678/',
		getTimezone: () => options.timezone ?? 'UTC',
		getMode: () => 'manual',
		getExecutionId: () => options.executionId ?? 'test-execution',
		getWorkflow: () => ({ id: 'test-workflow', name: 'Test', active: false }),
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, request: IHttpRequestOptions) => {
				if (credentialType !== 'imochaApi') throw new Error(`Unexpected credential type ${credentialType}`);
				const authenticated = applyAuthentication(request, options.credentials);
				calls.push({ options: authenticated });
				return performRequest(authenticated);
			},
			prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) => ({
				data: data.toString('base64'),
				mimeType: mimeType ?? 'application/octet-stream',
				fileName,
				fileSize: `${data.length} B`,
				fileExtension: fileName?.split('.').pop(),
			}),
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
	return context as unknown as IExecuteFunctions & { calls: RecordedCall[] };
}

/** Load-options / list-search context: the same HTTP path, with the node's current parameters. */
export function createLoadOptionsContext(options: Omit<ContextOptions, 'items'>): ILoadOptionsFunctions {
	const execute = createExecuteContext(options) as any;
	return {
		...execute,
		getCurrentNodeParameter: (name: string, extra?: { extractValue?: boolean }) => {
			try {
				return execute.getNodeParameter(name, 0, undefined, extra);
			} catch {
				return undefined;
			}
		},
	} as ILoadOptionsFunctions;
}

function applyAuthentication(request: IHttpRequestOptions, credentials: IDataObject): IHttpRequestOptions {
	const declared = new ImochaApi().authenticate.properties.headers ?? {};
	const headers: IDataObject = { ...(request.headers ?? {}) };
	for (const [name, template] of Object.entries(declared)) {
		headers[name] = String(template).replace(/^=\{\{\$credentials\.(\w+)\}\}$/, (_, key: string) => String(credentials[key] ?? ''));
	}
	return { ...request, headers };
}

function readPath(source: Parameters, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], source);
}

function matchesDisplay(property: INodeProperties, params: Parameters): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([key, allowed]) => {
		const value = readPath(params, key);
		return value === undefined || (allowed as unknown[]).includes(value);
	});
}

function defaultOf(properties: INodeProperties[] | undefined, path: string, params: Parameters): unknown {
	const [name, ...rest] = path.split('.');
	const property = properties?.find((candidate) => candidate.name === name && matchesDisplay(candidate, params));
	if (!property) return undefined;
	if (!rest.length) return property.default;
	return readPath(property.default as Parameters, rest.join('.'));
}

function extractLocator(properties: INodeProperties[] | undefined, name: string, value: unknown): unknown {
	if (!value || typeof value !== 'object' || !('mode' in (value as object))) return value;
	const locator = value as { mode: string; value: unknown };
	const property = properties?.find((candidate) => candidate.name === name && candidate.type === 'resourceLocator');
	const mode = property?.modes?.find((candidate) => candidate.name === locator.mode);
	const extract = mode?.extractValue;
	if (extract?.type === 'regex' && typeof locator.value === 'string') {
		const found = new RegExp(extract.regex).exec(locator.value);
		if (!found) throw new Error(`ERROR: ${mode?.displayName} value "${locator.value}" is not supported`);
		return found[1];
	}
	return locator.value;
}
