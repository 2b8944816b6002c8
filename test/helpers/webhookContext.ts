import type {
	DeduplicationHelperFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	NodeExecutionHint,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { configureTransport } from '../../nodes/Imocha/transport';
import { createExecuteContext, type Parameters } from './context';

/** Fast retries: tests need the retry path, not its real waits. */
const QUICK_RETRY = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 };

export interface RecordingLogger {
	warnings: string[];
	errors: string[];
	infos: string[];
	debug(message: string): void;
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

export function recordingLogger(): RecordingLogger {
	const logger: RecordingLogger = {
		warnings: [],
		errors: [],
		infos: [],
		debug() {},
		info: (message) => void logger.infos.push(message),
		warn: (message) => void logger.warnings.push(message),
		error: (message) => void logger.errors.push(message),
	};
	return logger;
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	headersSent: boolean;
}

interface BaseOptions {
	parameters: Parameters;
	credentials: IDataObject;
	properties: INodeProperties[];
	staticData?: IDataObject;
	mode?: 'manual' | 'webhook' | 'trigger';
	nodeType: string;
	/** Defaults to one ID per static-data object: a new object stands for another workflow. */
	workflowId?: string;
}

const workflowIds = new WeakMap<object, string>();
function workflowIdFor(staticData: IDataObject): string {
	let id = workflowIds.get(staticData);
	if (!id) {
		id = `test-workflow-${Math.random().toString(36).slice(2)}`;
		workflowIds.set(staticData, id);
	}
	return id;
}

export interface WebhookOptions extends Omit<BaseOptions, 'nodeType'> {
	body?: unknown;
	rawBody?: Buffer | string;
	query?: IDataObject;
	headers?: IDataObject;
	webhookUrl?: string;
}

/** The execute-context pieces every trigger context shares: parameters, credentials, HTTP. */
function base(options: BaseOptions) {
	const staticData = options.staticData ?? {};
	const execute = createExecuteContext({
		parameters: options.parameters,
		credentials: options.credentials,
		properties: options.properties,
		nodeType: options.nodeType,
		staticData,
	}) as any;
	configureTransport(execute, { retry: QUICK_RETRY });
	const logger = recordingLogger();
	const context = {
		...execute,
		logger,
		staticData,
		getMode: () => options.mode ?? 'webhook',
		getWorkflow: () => ({ id: options.workflowId ?? workflowIdFor(staticData), name: 'Test', active: true }),
		getActivationMode: () => 'activate',
		getNodeParameter: (name: string, fallback?: unknown) => execute.getNodeParameter(name, 0, fallback),
	};
	// The transport keys its settings by context object: register the copy too.
	configureTransport(context, { retry: QUICK_RETRY });
	return context;
}

/** A fake IWebhookFunctions: the request as n8n hands it over, a response that records what was sent. */
export function createWebhookContext(options: WebhookOptions) {
	const response: RecordedResponse = { headersSent: false };
	const res = {
		get headersSent() {
			return response.headersSent;
		},
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			if (response.headersSent) throw new Error('Response sent twice');
			response.body = body;
			response.statusCode ??= 200;
			response.headersSent = true;
			return res;
		},
	};
	const rawBody =
		options.rawBody === undefined ? Buffer.from(options.body === undefined ? '' : JSON.stringify(options.body)) : Buffer.from(options.rawBody);
	const body = options.body ?? {};
	const req = { body, rawBody, query: options.query ?? {}, headers: options.headers ?? {} };
	const context = {
		...base({ ...options, nodeType: 'n8n-nodes-imocha.imochaTrigger' }),
		response,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getBodyData: () => body,
		getQueryData: () => req.query,
		getHeaderData: () => req.headers,
		getWebhookName: () => 'default',
		getNodeWebhookUrl: () => options.webhookUrl ?? 'https://n8n.example.com/webhook/imocha-callbacks',
	};
	configureTransport(context, { retry: QUICK_RETRY });
	return context as unknown as IWebhookFunctions & { response: RecordedResponse; logger: RecordingLogger; staticData: IDataObject };
}

/**
 * n8n's de-duplication store (the processed_data table behind Remove Duplicates): one key list per
 * workflow and node, shared by every process on the database. Like n8n's (deduplication-helper.js,
 * `handleHashedItems`) it reads the list, yields, then writes it back, without a lock: callers that
 * do not queue their claims can both see a key as new.
 */
export class ProcessedStore {
	readonly lists = new Map<string, string[]>();

	helpersFor(workflowId: string, nodeName: string): Pick<DeduplicationHelperFunctions, 'checkProcessedAndRecord' | 'removeProcessed'> {
		return {
			// n8n's removeProcessed: read the list, drop the items, write it back.
			removeProcessed: async (items, scope, options) => {
				if (scope !== 'node' || options.mode !== 'entries') throw new Error(`Unexpected store use: ${scope}/${options.mode}`);
				const list = [...(this.lists.get(`${workflowId}/${nodeName}`) ?? [])];
				await new Promise((resolve) => setImmediate(resolve));
				this.lists.set(
					`${workflowId}/${nodeName}`,
					list.filter((entry) => !items.map(String).includes(entry)),
				);
			},
			checkProcessedAndRecord: async (items, scope, options) => {
				if (scope !== 'node' || options.mode !== 'entries') throw new Error(`Unexpected store use: ${scope}/${options.mode}`);
				const list = [...(this.lists.get(`${workflowId}/${nodeName}`) ?? [])];
				await new Promise((resolve) => setImmediate(resolve));
				const result = { new: [] as string[], processed: [] as string[] };
				for (const item of items.map(String)) {
					if (list.includes(item)) result.processed.push(item);
					else {
						result.new.push(item);
						list.push(item);
					}
				}
				if (options.maxEntries) list.splice(0, Math.max(0, list.length - options.maxEntries));
				this.lists.set(`${workflowId}/${nodeName}`, list);
				return result;
			},
		};
	}
}

/**
 * The context of the run n8n creates from what webhook() returned: the trigger's execute() gets
 * those items as input, in mode 'webhook' (production URL) or 'manual' (test URL).
 */
export function createRunContext(
	options: Omit<BaseOptions, 'nodeType' | 'mode'> & { mode?: BaseOptions['mode'] | 'retry'; items: INodeExecutionData[]; store: ProcessedStore },
) {
	const staticData = options.staticData ?? {};
	const workflowId = options.workflowId ?? workflowIdFor(staticData);
	const execute = createExecuteContext({
		parameters: options.parameters,
		credentials: options.credentials,
		properties: options.properties,
		nodeType: 'n8n-nodes-imocha.imochaTrigger',
		staticData,
		items: options.items,
	}) as any;
	const logger = recordingLogger();
	const hints: NodeExecutionHint[] = [];
	const context = {
		...execute,
		logger,
		hints,
		addExecutionHints: (...added: NodeExecutionHint[]) => void hints.push(...added),
		getMode: () => options.mode ?? 'webhook',
		getWorkflow: () => ({ id: workflowId, name: 'Test', active: true }),
		helpers: { ...execute.helpers, ...options.store.helpersFor(workflowId, execute.getNode().name) },
	};
	configureTransport(context, { retry: QUICK_RETRY });
	return context as unknown as IExecuteFunctions & { logger: RecordingLogger; hints: NodeExecutionHint[] };
}

/** A fake IHookFunctions for the lifecycle methods (checkExists / create / delete). */
export function createHookContext(options: Omit<BaseOptions, 'nodeType'> & { webhookUrl?: string }) {
	const context = {
		...base({ ...options, nodeType: 'n8n-nodes-imocha.imochaTrigger' }),
		getWebhookName: () => 'default',
		getNodeWebhookUrl: () => options.webhookUrl,
	};
	return context as unknown as IHookFunctions & { logger: RecordingLogger; staticData: IDataObject };
}

/** A fake IPollFunctions: mode 'trigger' is an active workflow, 'manual' the editor's test run. */
export function createPollContext(options: Omit<BaseOptions, 'nodeType'>) {
	const context = base({ ...options, nodeType: 'n8n-nodes-imocha.imochaPollTrigger', mode: options.mode ?? 'trigger' });
	return context as unknown as IPollFunctions & { logger: RecordingLogger; staticData: IDataObject };
}
