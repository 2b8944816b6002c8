import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { extractImochaMessage, helpForStatus, toNodeApiError } from '../../../nodes/Imocha/transport/errors';

const node: INode = { id: '1', name: 'iMocha', type: 'n8n-nodes-imocha.imocha', typeVersion: 1, position: [0, 0], parameters: {} };

describe('extractImochaMessage', () => {
	it.each([
		['errors array', { errors: ["'Email' must not be empty."] }, "'Email' must not be empty."],
		['result/errors pair', { result: null, errors: ['testinvitationIds does not belong to account or not found', '94761'] }, 'testinvitationIds does not belong to account or not found: 94761'],
		['statusCode/message', { statusCode: 400, message: 'Testinvitation state in inprogress, complete, and expired can not be cancelled.' }, 'Testinvitation state in inprogress, complete, and expired can not be cancelled.'],
		['JSON text', '{"errors":["Email address is in invalid format"]}', 'Email address is in invalid format'],
		['JSON bytes', Buffer.from('{"message":"boom"}'), 'boom'],
		['proxy HTML page', '<html><head><title>502 Bad Gateway</title></head></html>', 'HTML page "502 Bad Gateway"'],
		['plain text', 'Service Unavailable', 'Service Unavailable'],
	])('reads the %s shape', (_shape, body, expected) => {
		expect(extractImochaMessage(body)).toBe(expected);
	});

	it.each([undefined, null, '', '   ', {}, { errors: [] }])('returns nothing for an empty body (%p)', (body) => {
		expect(extractImochaMessage(body)).toBeUndefined();
	});
});

describe('helpForStatus', () => {
	it.each([
		[401, /API key/, /Integrations/],
		[403, /not allowed/, /permission/],
		[404, /could not find/, /Check the ID/],
		[429, /rate limit or quota/, /Concurrency/],
		[500, /internal error/, /support/],
		[400, /rejected/, /field/],
	])('explains %i and says how to fix it', (status, message, description) => {
		const help = helpForStatus(status);
		expect(help.message).toMatch(message);
		expect(help.description).toMatch(description);
	});

	it('says "check the ID" for a 404 only when the call names a record; otherwise points at the base URL', () => {
		expect(helpForStatus(404, '/v3/reports/2655161').description).toMatch(/Check the ID/);
		for (const path of ['/v3/v3/tests', '/v3/accounts/business-units', '/v3/reports?PageNo=1']) {
			const help = helpForStatus(404, path);
			expect(help.description).not.toMatch(/Check the ID/);
			expect(help.description).toMatch(/Custom Base URL/);
		}
	});

	it('treats unlisted 5xx codes as the service being unavailable', () => {
		expect(helpForStatus(503).message).toMatch(/unavailable/);
	});
});

describe('toNodeApiError', () => {
	const apiKey = 'k3y-abc-123';

	it("puts iMocha's own message first and keeps the HTTP code and item", () => {
		const error = toNodeApiError(node, { status: 400, body: { errors: ['Email address is in invalid format'] }, method: 'POST', path: '/v3/tests/1/invite', attempts: 1 }, [apiKey], 3);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('iMocha rejected the request: Email address is in invalid format');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toMatch(/field/);
	});

	it('never shows the API key, even when iMocha echoes it', () => {
		const error = toNodeApiError(node, { status: 401, body: { message: `Key ${apiKey} is not valid` }, method: 'GET', path: '/v3/tests', attempts: 1 }, [apiKey]);
		const everything = JSON.stringify({ message: error.message, description: error.description, json: error, context: error.context });
		expect(everything).not.toContain(apiKey);
		expect(error.message).toContain('***');
	});

	it('describes network failures with the code and what to check', () => {
		const error = toNodeApiError(node, { networkCode: 'ECONNREFUSED', method: 'GET', path: '/v3/tests', attempts: 1 }, [apiKey]);
		expect(error.message).toBe('Could not reach iMocha');
		expect(error.description).toContain('ECONNREFUSED');
		expect(error.description).toMatch(/Base URL/);
	});

	it('says how often it tried when there is no message to show', () => {
		const error = toNodeApiError(node, { status: 503, body: '', method: 'GET', path: '/v3/tests', attempts: 5 }, [apiKey]);
		expect(error.message).toBe('iMocha is unavailable (after 5 attempts)');
	});
});
