import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * What n8n's httpRequest helper does with the options our transport uses (qs, JSON bodies,
 * returnFullResponse, ignoreHttpStatusErrors, arraybuffer, timeout), over real HTTP. The real
 * helper is exercised by the end-to-end suite inside n8n.
 */
export async function performRequest(options: IHttpRequestOptions): Promise<any> {
	const url = new URL(options.url, options.baseURL);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
	}
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {})) headers[key.toLowerCase()] = String(value);
	let payload: Buffer | undefined;
	// Like n8n 2.40.7 (@n8n/backend-network, http/axios/request.js): a string goes as it is, an
	// empty object is not sent at all (no body, no content type).
	const sent = options.body as unknown;
	const emptyObject = typeof sent === 'object' && sent !== null && !Buffer.isBuffer(sent) && !Array.isArray(sent) && !Object.keys(sent).length;
	if (sent !== undefined && sent !== null && sent !== '' && !emptyObject && options.method !== 'GET') {
		payload = Buffer.isBuffer(sent) ? sent : Buffer.from(typeof sent === 'string' ? sent : JSON.stringify(sent));
		if (typeof sent !== 'string') headers['content-type'] ??= 'application/json';
	}
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

	const raw = await new Promise<{ statusCode: number; headers: Record<string, any>; data: Buffer }>((resolve, reject) => {
		const req = send(url, { method: options.method ?? 'GET', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, data: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		if (options.timeout) {
			req.setTimeout(options.timeout, () => {
				const error = Object.assign(new Error(`timeout of ${options.timeout}ms exceeded`), { code: 'ECONNABORTED' });
				req.destroy(error);
			});
		}
		req.end(payload);
	});

	const body = options.encoding === 'arraybuffer' ? raw.data : parseBody(raw.data, options.json);
	const failed = raw.statusCode >= 400 && !options.ignoreHttpStatusErrors;
	if (failed) {
		throw Object.assign(new Error(`Request failed with status code ${raw.statusCode}`), {
			httpCode: String(raw.statusCode),
			response: { status: raw.statusCode, body },
		});
	}
	if (options.returnFullResponse) {
		return { statusCode: raw.statusCode, statusMessage: '', headers: raw.headers, body };
	}
	return body;
}

/** Like axios with silent JSON parsing: invalid JSON comes back as the raw text. */
function parseBody(data: Buffer, json: boolean | undefined): unknown {
	const text = data.toString('utf8');
	if (!json || !text.trim()) return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
