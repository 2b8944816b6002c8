/**
 * A scripted OpenAI-compatible chat server for the AI Agent e2e test (binds 127.0.0.1, stops by
 * itself after `maxLifetimeMs`). It is not a model: the test decides what it answers.
 *
 * POST /v1/chat/completions: while the conversation has no tool result yet, it answers with one
 * call of the offered tool whose name matches `toolName`, with `toolArguments`; once a tool result
 * is in the conversation, it answers with `finalAnswer(toolResult)` as the assistant's message.
 * Both plain JSON and `stream: true` (server-sent events) are served. GET /v1/models lists one
 * model. Every chat request body is kept in `requests` for assertions.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SCRIPTED_MODEL = 'scripted-model';

export interface ChatRequest {
	model: string;
	stream?: boolean;
	messages: Array<{ role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
	tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters: any } }>;
}

export interface ScriptedLlm {
	/** Base URL as OpenAI clients want it, ending in /v1. */
	url: string;
	requests: ChatRequest[];
	close(): Promise<void>;
}

export interface Script {
	/** Picks the tool to call among the offered ones. */
	toolName: RegExp;
	toolArguments: Record<string, unknown>;
	/** The final assistant message, given the tool result text the agent sent back. */
	finalAnswer: (toolResult: string) => string;
	maxLifetimeMs?: number;
}

type Message = { role: 'assistant'; content: string | null; tool_calls?: unknown[] };

function reply(request: ChatRequest, script: Script): { message: Message; finish: string } {
	const toolResult = request.messages.find((message) => message.role === 'tool');
	if (toolResult) {
		const text = typeof toolResult.content === 'string' ? toolResult.content : JSON.stringify(toolResult.content);
		return { message: { role: 'assistant', content: script.finalAnswer(text) }, finish: 'stop' };
	}
	const tool = request.tools?.find((candidate) => script.toolName.test(candidate.function.name));
	if (!tool) {
		const offered = (request.tools ?? []).map((candidate) => candidate.function.name).join(', ') || 'none';
		return { message: { role: 'assistant', content: `No tool matching ${script.toolName} was offered (offered: ${offered}).` }, finish: 'stop' };
	}
	const call = { id: 'call_imocha_1', type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(script.toolArguments) } };
	return { message: { role: 'assistant', content: null, tool_calls: [call] }, finish: 'tool_calls' };
}

const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** The same answer as OpenAI's streaming format: one delta chunk, a finish chunk, [DONE]. */
function sendStream(res: ServerResponse, base: object, message: Message, finish: string): void {
	res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
	const toolCalls = message.tool_calls?.map((call, index) => ({ index, ...(call as object) }));
	const delta = { role: 'assistant', content: message.content ?? '', ...(toolCalls ? { tool_calls: toolCalls } : {}) };
	const chunk = (choice: object, extra: object = {}) =>
		`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, ...choice }], ...extra })}\n\n`;
	res.write(chunk({ delta, finish_reason: null }));
	res.write(chunk({ delta: {}, finish_reason: finish }, { usage }));
	res.end('data: [DONE]\n\n');
}

async function readJson(req: IncomingMessage): Promise<any> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startScriptedLlm(script: Script): Promise<ScriptedLlm> {
	const requests: ChatRequest[] = [];
	let counter = 0;
	const server = createServer((req, res) => {
		const path = (req.url ?? '').split('?')[0];
		if (req.method === 'GET' && path === '/v1/models') {
			sendJson(res, 200, { object: 'list', data: [{ id: SCRIPTED_MODEL, object: 'model', created: 0, owned_by: 'test' }] });
			return;
		}
		if (req.method !== 'POST' || path !== '/v1/chat/completions') {
			sendJson(res, 404, { error: { message: `not scripted: ${req.method} ${path}`, type: 'invalid_request_error' } });
			return;
		}
		readJson(req).then(
			(request: ChatRequest) => {
				requests.push(request);
				const { message, finish } = reply(request, script);
				const base = { id: `chatcmpl-${++counter}`, created: Math.floor(Date.now() / 1000), model: request.model };
				if (request.stream) sendStream(res, base, message, finish);
				else sendJson(res, 200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage });
			},
			(error: Error) => sendJson(res, 400, { error: { message: error.message, type: 'invalid_request_error' } }),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const lifetime = setTimeout(() => server.close(), script.maxLifetimeMs ?? 10 * 60_000);
	lifetime.unref();
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				clearTimeout(lifetime);
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
