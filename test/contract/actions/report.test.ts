import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PDF_LINK_TEMPLATE } from '../../../sandbox/routes/reports';
import { GENERATED_WINDOW } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { runImocha, testSandbox } from '../../helpers/runNode';

const FINISHED = ['Complete', 'Terminated', 'Test Left'];

describe('Report', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
		delete sandbox.state.extra[PDF_LINK_TEMPLATE];
	});

	/** What the sandbox holds for a date window, in the order it pages them. */
	function expectedIds(start: string, end: string, testId?: number): number[] {
		return sandbox.state.invitations
			.filter((entry) => FINISHED.includes(entry.status) && (testId === undefined || entry.testId === testId))
			.filter((entry) => entry.updatedAt >= start && entry.updatedAt <= end)
			.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.testInvitationId - b.testInvitationId)
			.map((entry) => entry.testInvitationId);
	}

	describe('Get', () => {
		it('sends GET /v3/reports/{id} with reportType as a query parameter and returns the full report', async () => {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'get', testInvitationId: '2894725', reportType: 3, simplify: false },
			});
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/reports/2894725', query: { reportType: '3' } });
			expect(output).toHaveLength(1);
			expect(output[0].pairedItem).toEqual({ item: 0 });
			expect(output[0].json).toMatchObject({
				testInvitationId: 2894725,
				testId: 1134601,
				candidateEmail: 'suhas.k@example.com',
				status: 'Complete',
				candidatePoints: 61,
				totalTestPoints: 115,
				scorePercentage: 53,
				performanceCategory: 'Intermediate',
				testName: 'Java Developer Assessment',
			});
			expect(output[0].json.sections).toHaveLength(2);
		});

		it('defaults to reportType 1 and Simplify keeps only the key fields', async () => {
			const output = await runImocha(sandbox, { parameters: { resource: 'report', operation: 'get', testInvitationId: 2655161 } });
			expect(sandbox.requests[0].query).toEqual({ reportType: '1' });
			expect(Object.keys(output[0].json).sort()).toEqual(
				[
					'attemptedOn',
					'candidateEmail',
					'candidatePoints',
					'pdfReportUrl',
					'performanceCategory',
					'scorePercentage',
					'status',
					'testId',
					'testInvitationId',
					'testName',
					'totalTestPoints',
				].sort(),
			);
			expect(output[0].json).toMatchObject({ testInvitationId: 2655161, candidatePoints: 92, performanceCategory: 'Expert' });
		});

		it('validates every item before sending anything: bad ID and bad report type', async () => {
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) =>
					[
						{ resource: 'report', operation: 'get', testInvitationId: 'abc' },
						{ resource: 'report', operation: 'get', testInvitationId: '2655161', reportType: 4 },
						{ resource: 'report', operation: 'get', testInvitationId: '2655161', reportType: '2' },
					][itemIndex],
				items: [{ json: {} }, { json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(output).toHaveLength(3);
			expect(output[0].json.error).toMatch(/"Test Invitation ID" of item 0 must be a positive whole number/);
			expect(output[0].pairedItem).toEqual({ item: 0 });
			expect(output[1].json.error).toMatch(/"Report Type" of item 1 must be 1, 2 or 3/);
			expect(output[1].pairedItem).toEqual({ item: 1 });
			expect(output[2].json.testInvitationId).toBe(2655161);
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0].query).toEqual({ reportType: '2' });
		});

		it('throws a NodeOperationError naming the item and field without continueOnFail, before any request', async () => {
			const run = runImocha(sandbox, {
				parameters: (itemIndex) => ({ resource: 'report', operation: 'get', testInvitationId: itemIndex === 0 ? '2655161' : '-5' }),
				items: [{ json: {} }, { json: {} }],
			});
			await expect(run).rejects.toThrow(NodeOperationError);
			await expect(run).rejects.toThrow(/"Test Invitation ID" of item 1/);
			expect(sandbox.requests).toHaveLength(0);
		});

		it("surfaces iMocha's 404 for an unknown attempt as an error item", async () => {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'get', testInvitationId: '999' },
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/Test invitation 999 not found/);
			const run = runImocha(sandbox, { parameters: { resource: 'report', operation: 'get', testInvitationId: '999' } });
			await expect(run).rejects.toThrow(NodeApiError);
		});
	});

	describe('Get PDF', () => {
		it('returns the PDF as binary "data" with the documented file name', async () => {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'getPdf', testInvitationId: '2894726' },
			});
			expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/v3/reports/2894726/pdf']]);
			expect(output).toHaveLength(1);
			expect(output[0].pairedItem).toEqual({ item: 0 });
			expect(output[0].json).toEqual({ testInvitationId: 2894726, fileName: 'imocha-report-2894726.pdf' });
			const binary = output[0].binary!.data;
			expect(binary.mimeType).toBe('application/pdf');
			expect(binary.fileName).toBe('imocha-report-2894726.pdf');
			const bytes = Buffer.from(binary.data, 'base64');
			expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(bytes.toString('latin1')).toContain('Ana Silva');
			expectValidXref(bytes);
		});

		it('puts the file in the configured binary field', async () => {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'getPdf', testInvitationId: '2655161', binaryPropertyName: 'report' },
			});
			expect(Object.keys(output[0].binary!)).toEqual(['report']);
		});

		it('follows a link when iMocha answers with JSON holding one on its own host', async () => {
			sandbox.state.extra[PDF_LINK_TEMPLATE] = '{origin}/PDFReport?id={id}';
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'getPdf', testInvitationId: '2655161' },
			});
			expect(sandbox.requests.map((request) => [request.path, request.query])).toEqual([
				['/v3/reports/2655161/pdf', {}],
				['/PDFReport', { id: '2655161' }],
			]);
			expect(output[0].json).toMatchObject({ fileName: 'imocha-report-2655161.pdf', pdfReportUrl: `${sandbox.url}/PDFReport?id=2655161` });
			expect(Buffer.from(output[0].binary!.data.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
		});

		it('refuses to follow a link to a foreign host, and never sends the key there', async () => {
			sandbox.state.extra[PDF_LINK_TEMPLATE] = 'https://files.example.com/report-{id}.pdf';
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'getPdf', testInvitationId: '2655161' },
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/host the node does not send the API key to: https:\/\/files\.example\.com/);
			expect(output[0].binary).toBeUndefined();
			expect(sandbox.requests).toHaveLength(1);
		});

		it('fails clearly for an attempt that has no report yet', async () => {
			const pending = sandbox.state.invitations[0];
			const saved = pending.status;
			pending.status = 'Pending';
			try {
				const output = await runImocha(sandbox, {
					parameters: { resource: 'report', operation: 'getPdf', testInvitationId: String(pending.testInvitationId) },
					continueOnFail: true,
				});
				expect(output[0].json.error).toMatch(/Report is not available/);
			} finally {
				pending.status = saved;
			}
		});
	});

	describe('Get Many', () => {
		it('pages through GET /v3/reports with Return All: every report once, in order', async () => {
			const output = await runImocha(sandbox, {
				parameters: {
					resource: 'report',
					operation: 'getMany',
					returnAll: true,
					filters: { startDate: GENERATED_WINDOW.start, endDate: '2025-03-31T23:59:59' },
				},
			});
			const expected = expectedIds(GENERATED_WINDOW.start, GENERATED_WINDOW.end);
			expect(expected).toHaveLength(230);
			expect(output.map((item) => item.json.testInvitationId)).toEqual(expected);
			expect(new Set(output.map((item) => item.json.testInvitationId)).size).toBe(230);
			expect(sandbox.requests.map((request) => request.query)).toEqual([1, 2, 3].map((page) => ({
				PageNo: String(page),
				PageSize: '100',
				startDate: '2025-01-01T00:00:00Z',
				endDate: '2025-03-31T23:59:59Z',
			})));
			expect(sandbox.requests.every((request) => request.method === 'GET' && request.path === '/v3/reports')).toBe(true);
			expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(output[0].json.sections).toBeUndefined();
		});

		it('stops at exactly the Limit: 150 takes two pages of 100', async () => {
			const output = await runImocha(sandbox, {
				parameters: {
					resource: 'report',
					operation: 'getMany',
					limit: 150,
					filters: { startDate: GENERATED_WINDOW.start, endDate: GENERATED_WINDOW.end, includeSections: true },
				},
			});
			expect(output).toHaveLength(150);
			expect(output.map((item) => item.json.testInvitationId)).toEqual(
				expectedIds(GENERATED_WINDOW.start, GENERATED_WINDOW.end).slice(0, 150),
			);
			expect(sandbox.requests.map((request) => request.query.PageNo)).toEqual(['1', '2']);
			expect(sandbox.requests[0].query.includeSections).toBe('true');
			expect(output[0].json.sections).toHaveLength(2);
		});

		it('asks for a small page when the Limit is small, and sends no dates when none are given', async () => {
			const output = await runImocha(sandbox, { parameters: { resource: 'report', operation: 'getMany', limit: 5 } });
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0].query).toEqual({ PageNo: '1', PageSize: '5' });
			expect(output.length).toBeLessThanOrEqual(5);
		});

		it('rejects a bad date and an inverted range before any request', async () => {
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) => ({
					resource: 'report',
					operation: 'getMany',
					filters: itemIndex === 0 ? { startDate: 'yesterday' } : { startDate: '2025-02-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' },
				}),
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/"Start Date" of item 0 must be an ISO 8601 date-time/);
			expect(output[1].json.error).toMatch(/"End Date" of item 1/);
			expect(sandbox.requests).toHaveLength(0);
			await expect(
				runImocha(sandbox, { parameters: { resource: 'report', operation: 'getMany', filters: { endDate: '31/01/2025' } } }),
			).rejects.toThrow(/"End Date" of item 0/);
		});
	});

	describe('Get Many by Test', () => {
		it('pages through GET /v3/tests/{testId}/reports for one test', async () => {
			const output = await runImocha(sandbox, {
				parameters: {
					resource: 'report',
					operation: 'getManyByTest',
					testId: { mode: 'list', value: '1134601' },
					returnAll: true,
					filters: { startDate: GENERATED_WINDOW.start, endDate: GENERATED_WINDOW.end },
				},
			});
			const expected = expectedIds(GENERATED_WINDOW.start, GENERATED_WINDOW.end, 1134601);
			expect(expected.length).toBeGreaterThan(30);
			expect(output.map((item) => item.json.testInvitationId)).toEqual(expected);
			expect(output.every((item) => item.json.testId === 1134601)).toBe(true);
			expect(sandbox.requests[0]).toMatchObject({
				method: 'GET',
				path: '/v3/tests/1134601/reports',
				query: { PageNo: '1', PageSize: '100', startDate: GENERATED_WINDOW.start, endDate: GENERATED_WINDOW.end },
			});
		});

		it('takes the test by URL and rejects a non-numeric test ID before any request', async () => {
			await runImocha(sandbox, {
				parameters: {
					resource: 'report',
					operation: 'getManyByTest',
					testId: { mode: 'url', value: 'https://app.imocha.io/tests/292930' },
					limit: 3,
				},
			});
			expect(sandbox.requests[0].path).toBe('/v3/tests/292930/reports');
			sandbox.requests.length = 0;
			const output = await runImocha(sandbox, {
				parameters: { resource: 'report', operation: 'getManyByTest', testId: { mode: 'id', value: 'java' } },
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/"Test" of item 0 must be a positive whole number/);
			expect(sandbox.requests).toHaveLength(0);
		});
	});
});

/** Every xref offset must point at its "N 0 obj", or PDF readers reject the file. */
function expectValidXref(bytes: Buffer): void {
	const text = bytes.toString('latin1');
	const start = Number(/startxref\n(\d+)/.exec(text)![1]);
	expect(text.slice(start, start + 4)).toBe('xref');
	const offsets = [...text.slice(start).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
	expect(offsets.length).toBe(5);
	offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
	expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
}
