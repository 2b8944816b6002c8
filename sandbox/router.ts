import type { IncomingMessage } from 'node:http';

export interface SandboxRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	rawBody: string;
	/** Parsed JSON, or undefined when the body is empty or not JSON. */
	body: any;
	bodyIsJson: boolean;
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as is instead of JSON (the PDF, an HTML error page). */
	raw?: Buffer | string;
}

export type Handler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
}

/** Paths like `/v3/tests/:testId/invite`; matching is case-insensitive, as iMocha's is. */
export class Router {
	private routes: Route[] = [];

	on(method: string, path: string, handler: Handler): this {
		const names: string[] = [];
		const source = path
			.split('/')
			.map((segment) => {
				if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				names.push(segment.slice(1));
				return '([^/]+)';
			})
			.join('/');
		this.routes.push({ method, pattern: new RegExp(`^${source}/?$`, 'i'), names, handler });
		return this;
	}

	match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'wrong-method' | undefined {
		let pathMatched = false;
		for (const route of this.routes) {
			const found = route.pattern.exec(path);
			if (!found) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
			return { handler: route.handler, params };
		}
		return pathMatched ? 'wrong-method' : undefined;
	}
}

export const json = (status: number, body: unknown): SandboxResponse => ({ status, body });

/** The documented error shapes (https://developer.imocha.io/api/errors). */
export const errorsBody = (status: number, ...messages: string[]): SandboxResponse => json(status, { errors: messages });
export const resultErrors = (status: number, ...messages: string[]): SandboxResponse =>
	json(status, { result: null, errors: messages });
export const statusMessage = (status: number, message: string): SandboxResponse =>
	json(status, { statusCode: status, message });

/** One request as the sandbox received and answered it; tests and the control API read these. */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: unknown;
	rawBody: string;
	status?: number;
}
