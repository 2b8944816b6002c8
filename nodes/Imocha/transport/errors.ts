import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/** What each documented status means for a user, and what they can do about it. */
const STATUS_HELP: Record<number, { message: string; description: string }> = {
	400: {
		message: 'iMocha rejected the request',
		description: 'A field is missing or has a value iMocha does not accept. Check the field named in the message above.',
	},
	401: {
		message: 'iMocha refused the API key',
		description:
			"Check the API key in the iMocha credential (iMocha web app > Integrations) and that your subscription is active. Some endpoints (Process Callbacks, Retrieve Invites) also answer 401 for unknown IDs or a badly formatted date: iMocha's message says which.",
	},
	403: {
		message: 'The API key is not allowed to do this',
		description:
			'The key works but lacks permission for this operation, or the operation is not valid for this resource. Ask your iMocha administrator to grant API access to it.',
	},
	404: {
		message: 'iMocha could not find the resource',
		description: 'Check the ID: it may belong to another iMocha account, or the record may have been deleted.',
	},
	429: {
		message: 'iMocha rate limit or quota reached',
		description:
			'The node already waited and retried. Lower the Concurrency option, spread the work over time, or ask iMocha to raise your quota.',
	},
	500: {
		message: 'iMocha had an internal error',
		description: 'Try again later. If it keeps happening, contact iMocha support with the time of the call.',
	},
};

const SERVER_ERROR_HELP = {
	message: 'iMocha is unavailable',
	description: 'The service or a proxy in front of it failed. The node retried where that was safe; try again later.',
};

/** Reads every error body shape iMocha is documented to use, plus proxy HTML pages. */
export function extractImochaMessage(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (Buffer.isBuffer(body)) return extractImochaMessage(body.toString('utf8'));
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return undefined;
		if (text.startsWith('{') || text.startsWith('[')) {
			try {
				return extractImochaMessage(JSON.parse(text));
			} catch {
				return text.slice(0, 300);
			}
		}
		if (text.startsWith('<')) return htmlTitle(text);
		return text.slice(0, 300);
	}
	if (Array.isArray(body)) return joinMessages(body);
	if (typeof body === 'object') {
		const record = body as Record<string, unknown>;
		const fromErrors = Array.isArray(record.errors) ? joinMessages(record.errors) : undefined;
		if (fromErrors) return fromErrors;
		for (const key of ['message', 'Message', 'error', 'title', 'detail']) {
			if (typeof record[key] === 'string' && record[key]) return record[key] as string;
		}
	}
	return undefined;
}

function joinMessages(list: unknown[]): string | undefined {
	const parts = list.filter((entry) => entry !== null && entry !== undefined).map(String);
	return parts.length ? parts.join(': ') : undefined;
}

function htmlTitle(html: string): string {
	const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
	return title ? `HTML page "${title}"` : 'an HTML page instead of JSON';
}

/**
 * A 404 on a call without an ID means the address itself is wrong (typically a Custom Base URL
 * that already ends in the API path), not a missing record: "check the ID" would mislead.
 */
const NO_SUCH_ADDRESS = {
	message: 'iMocha has nothing at this address',
	description:
		'This call has no ID in it, so the address itself is wrong. Check the Region or Custom Base URL in the iMocha credential: it is the host only, such as https://apiv3.imocha.io.',
};

/** Whether a request path names a record: a segment of digits, as every iMocha ID is. */
function namesRecord(path: string): boolean {
	return path.split('?')[0].split('/').some((segment) => /^\d+$/.test(segment));
}

/** The help for a status; `path` (the request's path) tells a missing record from a wrong address. */
export function helpForStatus(status: number, path?: string): { message: string; description: string } {
	if (status === 404 && path !== undefined && !namesRecord(path)) return NO_SUCH_ADDRESS;
	if (STATUS_HELP[status]) return STATUS_HELP[status];
	if (status >= 500) return SERVER_ERROR_HELP;
	return STATUS_HELP[400];
}

/** Removes every occurrence of the secret so it cannot leak through an echoed body. */
export function redact(text: string, secrets: string[]): string {
	return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}

export interface ApiFailure {
	status?: number;
	body?: unknown;
	/** Network-level failure such as ECONNRESET or a timeout. */
	networkCode?: string;
	method: string;
	path: string;
	attempts: number;
	/** The wait a 429 asked for, when it was too long to wait out. */
	retryAfterMs?: number;
	/** The call may have taken effect and was not repeated. */
	unsafeToRepeat?: boolean;
}

/**
 * Builds the NodeApiError from a clean object, never from the raw HTTP error: the raw error
 * carries the request headers, and so the API key.
 */
export function toNodeApiError(node: INode, failure: ApiFailure, secrets: string[], itemIndex?: number): NodeApiError {
	const vendorMessage = redactOptional(extractImochaMessage(failure.body), secrets);
	const help = failure.status
		? helpForStatus(failure.status, failure.path)
		: {
				// The code goes in the description: n8n rewrites messages that contain one.
				message: 'Could not reach iMocha',
				description: `Network error ${failure.networkCode ?? 'UNKNOWN'}. Check the Region or Custom Base URL in the iMocha credential and that this n8n instance can reach it. The node retried where that was safe.`,
			};
	const retried = failure.attempts > 1 ? ` (after ${failure.attempts} attempts)` : '';
	const asked =
		failure.status === 429 && failure.retryAfterMs !== undefined
			? ` iMocha asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s before the next call.`
			: '';
	const mayHaveHappened =
		failure.unsafeToRepeat && (!failure.status || failure.status >= 500)
			? ' This call is not safe to repeat, so the node did not retry it: iMocha may have carried it out before failing, so check in iMocha before running this item again.'
			: '';
	const message = vendorMessage ? `${help.message}: ${vendorMessage}` : `${help.message}${retried}`;
	const response: JsonObject = {
		message,
		method: failure.method,
		path: failure.path,
		attempts: failure.attempts,
		...(failure.status ? { httpCode: String(failure.status) } : {}),
		...(vendorMessage ? { imochaMessage: vendorMessage } : {}),
	};
	return new NodeApiError(node, response, {
		message,
		description: `${help.description}${vendorMessage && retried ? ` ${retried.trim()}` : ''}${asked}${mayHaveHappened}`,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex,
	});
}

function redactOptional(text: string | undefined, secrets: string[]): string | undefined {
	return text === undefined ? undefined : redact(text, secrets);
}
