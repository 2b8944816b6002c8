import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { bulkReports } from './bulk';
import { registerControl } from './control';
import { Faults, type FaultConfig, type ScriptedFault } from './faults';
import { registerRoutes } from './routes';
import { Router, statusMessage, type RecordedRequest, type SandboxRequest, type SandboxResponse } from './router';
import { seedState } from './seed';
import type { SandboxState } from './state';

export interface SandboxOptions {
	port?: number;
	apiKeys?: string[];
	faults?: Partial<FaultConfig>;
	/** Stop by itself after this long, so a forgotten sandbox never outlives its test. */
	maxLifetimeMs?: number;
	/** Extra finished attempts (reports) to seed, for load tests and the benchmark. */
	reports?: number;
}

export interface Sandbox {
	url: string;
	port: number;
	state: SandboxState;
	faults: Faults;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

const CONTROL_PREFIX = '/__sandbox/';
const GATEWAY_401 =
	'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state = seedState(options.apiKeys);
	if (options.reports) state.invitations.push(...bulkReports(options.reports));
	const faults = new Faults();
	faults.configure(options.faults ?? {});
	const requests: RecordedRequest[] = [];
	const api = registerRoutes(new Router(), state);
	const control = new Router();
	const sockets = new Set<Socket>();

	const server = createServer((req, res) => {
		void handle(req, res).catch((error) => send(res, { status: 500, body: { message: String(error) } }));
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const request = await readRequest(req);
		if (request.path.startsWith(CONTROL_PREFIX)) return dispatch(control, request, res);
		const record: RecordedRequest = {
			method: request.method,
			path: request.path,
			query: request.query,
			headers: request.headers,
			body: request.body,
			rawBody: request.rawBody,
		};
		requests.push(record);
		const latency = faults.config.latencyMs + Math.random() * faults.config.latencyJitterMs;
		if (latency > 0) await delay(latency);
		const key = request.headers['x-api-key'];
		if (typeof key !== 'string' || !state.apiKeys.has(key)) {
			return finish(record, res, statusMessage(401, GATEWAY_401));
		}
		const scripted = faults.takeScripted(request);
		if (scripted) return applyScripted(scripted, request, record, res);
		const refused = faults.rateLimited() ?? faults.randomError();
		if (refused) return finish(record, res, refused);
		const response = await answer(api, request);
		if (response.status < 300 && faults.randomMalformed()) return finish(record, res, truncated(response));
		return finish(record, res, response);
	}

	async function applyScripted(
		fault: ScriptedFault,
		request: SandboxRequest,
		record: RecordedRequest,
		res: ServerResponse,
	): Promise<void> {
		switch (fault.kind) {
			case 'status':
				return finish(record, res, {
					status: fault.status,
					body: fault.body ?? { statusCode: fault.status, message: 'Injected failure' },
					headers: fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {},
				});
			case 'html':
				return finish(record, res, {
					status: fault.status,
					raw: `<html><head><title>${fault.status} Bad Gateway</title></head><body>upstream error</body></html>`,
					headers: { 'Content-Type': 'text/html' },
				});
			case 'empty':
				return finish(record, res, { status: fault.status, raw: '' });
			case 'malformed':
				return finish(record, res, truncated(await answer(api, request)));
			case 'reset-after':
				await answer(api, request);
				record.status = 0;
				res.socket?.destroy();
				return;
			case 'reset':
				record.status = 0;
				res.socket?.destroy();
				return;
			case 'hang':
				record.status = 0;
				return;
		}
	}

	registerControl(control, { state, faults, requests });

	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const lifetime = options.maxLifetimeMs ? setTimeout(() => void close(), options.maxLifetimeMs) : undefined;
	lifetime?.unref();

	async function close(): Promise<void> {
		if (lifetime) clearTimeout(lifetime);
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	return { url: `http://127.0.0.1:${port}`, port, state, faults, requests, close };
}

async function answer(router: Router, request: SandboxRequest): Promise<SandboxResponse> {
	const found = router.match(request.method, request.path);
	if (found === 'wrong-method') return statusMessage(405, `Method ${request.method} is not allowed here`);
	if (!found) return statusMessage(404, 'Resource not found');
	return found.handler({ ...request, params: found.params });
}

async function dispatch(router: Router, request: SandboxRequest, res: ServerResponse): Promise<void> {
	send(res, await answer(router, request));
}

function finish(record: RecordedRequest, res: ServerResponse, response: SandboxResponse): void {
	record.status = response.status;
	send(res, response);
}

function truncated(response: SandboxResponse): SandboxResponse {
	const text = JSON.stringify(response.body ?? {});
	return { status: response.status, raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers: { 'Content-Type': 'application/json' } };
}

function send(res: ServerResponse, response: SandboxResponse): void {
	if (res.writableEnded || res.destroyed) return;
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer | string;
	if (response.raw !== undefined) {
		payload = response.raw;
	} else {
		payload = response.body === undefined ? '' : JSON.stringify(response.body);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	res.writeHead(response.status, headers);
	res.end(payload);
}

async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks).toString('utf8');
	const url = new URL(req.url ?? '/', 'http://sandbox');
	let body: unknown;
	let bodyIsJson = false;
	if (rawBody.trim()) {
		try {
			body = JSON.parse(rawBody);
			bodyIsJson = true;
		} catch {
			body = undefined;
		}
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		params: {},
		query: Object.fromEntries(url.searchParams),
		headers: req.headers,
		rawBody,
		body,
		bodyIsJson,
	};
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
