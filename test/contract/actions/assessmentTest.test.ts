import { NodeOperationError } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { runImocha, testSandbox } from '../../helpers/runNode';

const FULL_SETTINGS = {
	testSettings: { testName: 'Java Developer Assessment', testAliasName: 'Java Test', typeOfTest: 0, practiceTest: 1 },
	questionSettings: { randomQuestions: 1, randomAnswers: 1, showQuestionScore: 0 },
	displayMessageSettings: { sectionEndPopup: 1, sectionTimeLeftAlert: 1, candidateFeedback: 0 },
	emailSettings: { sendTestReportEmailToCandidate: 1 },
	imageProctoringSettings: { terminateTestOnImageViolation: 1, terminateTestAfterViolationCount: 3 },
	windowViolationSettings: {
		copyPaste: 0,
		displayViolationSettings: { displayViolationPopUp: 1, terminateTestOnWindowViolation: 0, terminateTestAfterViolationCount: 2 },
	},
};

describe('Test', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await testSandbox();
	});
	afterEach(() => sandbox.close());

	describe('Get', () => {
		it('sends GET /v3/tests/{testId} and returns the test', async () => {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'test', operation: 'get', testId: { mode: 'id', value: ' 292930 ' } },
			});
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/tests/292930', query: {} });
			expect(output).toEqual([
				{ json: { testId: 292930, testName: 'Python Coding Challenge', testType: 'Coding', testDuration: 45 }, pairedItem: { item: 0 } },
			]);
		});

		it('rejects a test ID that is not a number before any request', async () => {
			await expect(
				runImocha(sandbox, { parameters: { resource: 'test', operation: 'get', testId: { mode: 'id', value: '12a' } } }),
			).rejects.toThrow(/"Test" of item 0 must be a positive whole number/);
			expect(sandbox.requests).toHaveLength(0);
		});
	});

	describe('Get Settings', () => {
		it('sends GET /v3/tests/{testId}/settings and returns the settings object', async () => {
			const output = await runImocha(sandbox, {
				parameters: { resource: 'test', operation: 'getSettings', testId: { mode: 'list', value: '1134601' } },
			});
			expect(sandbox.requests[0]).toMatchObject({ method: 'GET', path: '/v3/tests/1134601/settings' });
			expect(output).toHaveLength(1);
			expect(output[0].json).toEqual(sandbox.state.tests[0].settings);
			expect(Object.keys(output[0].json)).toEqual([
				'testSettings',
				'questionSettings',
				'displayMessageSettings',
				'emailSettings',
				'imageProctoringSettings',
				'windowViolationSettings',
			]);
		});
	});

	describe('Update Settings', () => {
		it('without merge, POSTs exactly the complete object given, with flags as integers', async () => {
			const withBooleans = { ...FULL_SETTINGS, emailSettings: { sendTestReportEmailToCandidate: true } };
			const output = await runImocha(sandbox, {
				parameters: {
					resource: 'test',
					operation: 'updateSettings',
					testId: { mode: 'id', value: '1134601' },
					merge: false,
					settings: JSON.stringify(withBooleans),
				},
			});
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/v3/tests/1134601/settings', status: 201 });
			expect(sandbox.requests[0].body).toEqual(FULL_SETTINGS);
			expect(output).toEqual([{ json: { testId: 1134601, updated: true, settings: FULL_SETTINGS }, pairedItem: { item: 0 } }]);
			expect(sandbox.state.tests[0].settings).toEqual(FULL_SETTINGS);
		});

		it('with merge, reads the current settings and sends them back whole with only the changes applied', async () => {
			const before = structuredClone(sandbox.state.tests[1].settings);
			const output = await runImocha(sandbox, {
				parameters: {
					resource: 'test',
					operation: 'updateSettings',
					testId: { mode: 'id', value: '292930' },
					settings: { questionSettings: { randomQuestions: 1 }, windowViolationSettings: { displayViolationSettings: { displayViolationPopUp: 0 } } },
				},
			});
			expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
				['GET', '/v3/tests/292930/settings'],
				['POST', '/v3/tests/292930/settings'],
			]);
			const expected = structuredClone(before);
			expected.questionSettings.randomQuestions = 1;
			expected.windowViolationSettings.displayViolationSettings.displayViolationPopUp = 0;
			expect(sandbox.requests[1].body).toEqual(expected);
			expect(output[0].json).toEqual({ testId: 292930, updated: true, settings: expected });
		});

		it('with merge, refuses a misspelt setting after reading, without posting anything', async () => {
			const output = await runImocha(sandbox, {
				parameters: {
					resource: 'test',
					operation: 'updateSettings',
					testId: { mode: 'id', value: '292930' },
					settings: { questionSettings: { randomQuestion: 1 } },
				},
				continueOnFail: true,
			});
			expect(output[0].json.error).toMatch(/questionSettings\.randomQuestion/);
			expect(sandbox.requests.map((request) => request.method)).toEqual(['GET']);
		});

		it('validates every item before any request: partial object without merge, string flag, bad JSON', async () => {
			const partial = { questionSettings: FULL_SETTINGS.questionSettings };
			const stringFlag = { ...FULL_SETTINGS, questionSettings: { ...FULL_SETTINGS.questionSettings, randomAnswers: '1' } };
			const cases = [
				{ merge: false, settings: JSON.stringify(partial) },
				{ merge: false, settings: stringFlag },
				{ merge: true, settings: '{"questionSettings": ' },
				{ merge: true, settings: '{}' },
			];
			const output = await runImocha(sandbox, {
				parameters: (itemIndex) => ({ resource: 'test', operation: 'updateSettings', testId: { mode: 'id', value: '1134601' }, ...cases[itemIndex] }),
				items: cases.map(() => ({ json: {} })),
				continueOnFail: true,
			});
			expect(output.map((item) => item.json.error)).toEqual([
				expect.stringMatching(/"Settings" of item 0 must contain the object "testSettings"/),
				expect.stringMatching(/"Settings" of item 1 needs 0 or 1 in "questionSettings.randomAnswers"/),
				expect.stringMatching(/"Settings" of item 2 is not valid JSON/),
				expect.stringMatching(/"Settings" of item 3 is empty/),
			]);
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(sandbox.requests).toHaveLength(0);

			const run = runImocha(sandbox, {
				parameters: { resource: 'test', operation: 'updateSettings', testId: { mode: 'id', value: '1134601' }, ...cases[0] },
			});
			await expect(run).rejects.toThrow(NodeOperationError);
			await expect(run).rejects.toThrow(/item 0/);
			expect(sandbox.requests).toHaveLength(0);
		});
	});
});
