import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import {
	baseUrlOf,
	connectionFor,
	CREDENTIAL_TYPE,
	settingsFor,
	type ImochaApiName,
	type ImochaConnection,
	type ImochaContext,
} from './context';
import { toNodeApiError } from './errors';
import { once } from './once';
import { accountOf, pacerFor } from './pacer';
import { backoffDelay, isRetryable, MAX_RETRY_AFTER_MS, networkOutcome, parseRetryAfter, retryAfterWait, type Outcome } from './retry';

export interface ImochaRequest {
	/** Which iMocha API: they live on different hosts. */
	api?: ImochaApiName;
	method: IHttpRequestMethods;
	/** Path below the API's base URL, starting with a slash. */
	path: string;
	/**
	 * A full URL to call instead of base URL + path: only a link iMocha itself returned (the PDF
	 * report link), after the caller checked it is on an iMocha host, since the API key goes along.
	 */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/** Whether sending the call twice does no harm. Defaults to true for GET. */
	idempotent?: boolean;
	/** A POST that only reads (Retrieve Invites). GET always is one. */
	read?: boolean;
	/**
	 * Fields a successful answer must carry (e.g. the new invitation's ID): without them the
	 * answer counts as malformed, so it is retried when safe and otherwise reported.
	 */
	requiredFields?: string[];
}

export interface BinaryResponse {
	data: Buffer;
	contentType: string;
	headers: IDataObject;
}

interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * Calls iMocha and returns the parsed JSON body, or throws a NodeApiError a user can act on.
 * Every call in nodes/api names `T`; the loose default serves the transport tests, which read
 * raw sandbox answers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function imochaRequest<T = any>(context: ImochaContext, request: ImochaRequest): Promise<T> {
	const response = await sendOnce(context, request, false);
	return parseJson(response.body) as T;
}

/** Like imochaRequest, for endpoints that may answer with a file (the PDF report). */
export async function imochaBinaryRequest(context: ImochaContext, request: ImochaRequest): Promise<BinaryResponse> {
	const response = await sendOnce(context, request, true);
	const headers = response.headers ?? {};
	return {
		data: toBuffer(response.body),
		contentType: String(headers['content-type'] ?? 'application/octet-stream'),
		headers,
	};
}

/** Each call's effect at most once per execution under n8n's Retry On Fail (see ./once.ts). */
function sendOnce(context: ImochaContext, request: ImochaRequest, binary: boolean): Promise<RawResponse> {
	const identity = {
		method: request.method,
		url: request.url ?? `${request.api ?? 'assessment'}:${request.path}`,
		qs: request.qs,
		body: request.body,
		itemIndex: request.itemIndex,
		read: request.method === 'GET' || request.read === true,
	};
	return once(context, identity, () => send(context, request, binary));
}

async function send(context: ImochaContext, request: ImochaRequest, binary: boolean): Promise<RawResponse> {
	const connection = await connectionFor(context);
	const { timeoutMs, retry } = settingsFor(context);
	const options = buildOptions(connection, request, binary, timeoutMs);
	const pacer = pacerFor(accountOf(options.url, connection.keyHash));
	const idempotent = request.idempotent ?? request.method === 'GET';

	for (let attempt = 1; ; attempt++) {
		// A call tried before goes first: it has waited its Retry-After already.
		const ticket = await pacer.acquire(attempt > 1);
		let outcome: Outcome = { kind: 'network', code: 'UNKNOWN' };
		let response: RawResponse | undefined;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				options,
			)) as RawResponse;
			outcome = classify(response, binary, request.method === 'GET', request.requiredFields);
		} catch (error) {
			outcome = networkOutcome(error);
		} finally {
			// Settled on every path: a ticket left in flight would hold a place for good.
			if (outcome.kind === 'status' && outcome.status !== 429 && outcome.status < 500) pacer.accepted(ticket);
			else if (outcome.kind !== 'status' || outcome.status !== 429) pacer.failed(ticket);
		}
		const rateLimited = outcome.kind === 'status' && outcome.status === 429;
		if (outcome.kind === 'status' && outcome.status < 400 && response) {
			// Plain data only: ./once.ts copies answers it remembers.
			return { statusCode: response.statusCode, headers: { ...response.headers }, body: response.body };
		}

		const hinted = rateLimited ? parseRetryAfter(response?.headers?.['retry-after']) : undefined;
		const tooLong = hinted !== undefined && hinted > (retry.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS);
		const wait = hinted ?? backoffDelay(attempt, retry);
		// A 429 is about the account: the pacer learns its limit from it (see pacer.ts). A wait
		// this call gives up on is not passed on: the pacer would hold every other call of the
		// account for it, where each of them should get its own answer (and fail as fast).
		if (rateLimited) pacer.refused(ticket, tooLong ? 0 : wait);
		const canRetry = attempt < retry.maxAttempts && !tooLong && isRetryable(outcome, idempotent);
		if (!canRetry) throw failure(context, connection, request, outcome, response, attempt, hinted, idempotent);
		await sleep(hinted !== undefined ? retryAfterWait(hinted) : wait);
	}
}

function buildOptions(
	connection: ImochaConnection,
	request: ImochaRequest,
	binary: boolean,
	timeoutMs: number,
): IHttpRequestOptions {
	// n8n's HTTP helper drops an empty object body (no body, no content type); a call that names
	// an empty JSON object (Reattempt with no optional field) sends it as text, labelled JSON.
	const emptyObject = isEmptyObject(request.body);
	return {
		method: request.method,
		url: request.url ?? `${baseUrlOf(connection, request.api ?? 'assessment')}${request.path}`,
		...(request.qs ? { qs: request.qs } : {}),
		...(request.body !== undefined ? { body: emptyObject ? '{}' : request.body } : {}),
		json: !binary,
		...(binary ? { encoding: 'arraybuffer' as const } : {}),
		headers: {
			Accept: binary ? 'application/pdf, application/json' : 'application/json',
			...(emptyObject ? { 'Content-Type': 'application/json' } : {}),
		},
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
}

function isEmptyObject(body: unknown): boolean {
	return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
}

function classify(response: RawResponse, binary: boolean, isRead: boolean, requiredFields: string[] = []): Outcome {
	const status = Number(response.statusCode);
	const success = status >= 200 && status < 300;
	if (success && !binary && isMalformed(response.body, isRead)) return { kind: 'malformed' };
	if (success && !binary && !hasFields(response.body, requiredFields)) return { kind: 'malformed' };
	return { kind: 'status', status };
}

function hasFields(body: unknown, fields: string[]): boolean {
	if (!fields.length) return true;
	const parsed = typeof body === 'string' ? (body.trim() ? JSON.parse(body) : {}) : body;
	return !!parsed && typeof parsed === 'object' && fields.every((field) => (parsed as IDataObject)[field] != null);
}

/**
 * A success whose body is not JSON: a proxy page, a truncated answer. An empty body is fine for
 * a write (it did happen), but a read that returns nothing would silently lose data.
 */
function isMalformed(body: unknown, isRead: boolean): boolean {
	if (body === undefined || body === null) return isRead;
	if (typeof body !== 'string') return false;
	const text = body.trim();
	if (!text) return isRead;
	try {
		JSON.parse(text);
		return false;
	} catch {
		return true;
	}
}

function parseJson(body: unknown): unknown {
	if (typeof body !== 'string') return body ?? {};
	const text = body.trim();
	return text ? JSON.parse(text) : {};
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? null), 'utf8');
}

function failure(
	context: ImochaContext,
	connection: ImochaConnection,
	request: ImochaRequest,
	outcome: Outcome,
	response: RawResponse | undefined,
	attempts: number,
	retryAfterMs: number | undefined,
	idempotent: boolean,
) {
	const common = { method: request.method, path: request.path, attempts, retryAfterMs, unsafeToRepeat: !idempotent };
	const details =
		outcome.kind === 'network'
			? { ...common, networkCode: outcome.code }
			: outcome.kind === 'malformed'
				? { ...common, status: 502, body: 'iMocha answered with a body that is not valid JSON' }
				: { ...common, status: outcome.status, body: response?.body };
	return toNodeApiError(context.getNode(), details, connection.secrets, request.itemIndex);
}
