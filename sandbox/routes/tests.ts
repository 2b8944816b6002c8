import { errorsBody, json, statusMessage, type Router } from '../router';
import type { SandboxState, Test } from '../state';

const TEXT = ['testName', 'testAliasName'];
/** Every field of Update Test Settings is required (https://developer.imocha.io/api/update-test-settings). */
const REQUIRED: Record<string, string[]> = {
	testSettings: ['testName', 'testAliasName', 'typeOfTest', 'practiceTest'],
	questionSettings: ['randomQuestions', 'randomAnswers', 'showQuestionScore'],
	displayMessageSettings: ['sectionEndPopup', 'sectionTimeLeftAlert', 'candidateFeedback'],
	emailSettings: ['sendTestReportEmailToCandidate'],
	imageProctoringSettings: ['terminateTestOnImageViolation', 'terminateTestAfterViolationCount'],
	windowViolationSettings: ['copyPaste'],
	'windowViolationSettings.displayViolationSettings': [
		'displayViolationPopUp',
		'terminateTestOnWindowViolation',
		'terminateTestAfterViolationCount',
	],
};

export function findTest(state: SandboxState, testId: string): Test | undefined {
	return state.tests.find((test) => String(test.testId) === testId);
}

export const testNotFound = (testId: string) => statusMessage(404, `Test ${testId} not found`);

/** README.md "Unverified" (Test). */
export function registerTestRoutes(router: Router, state: SandboxState): void {
	router.on('GET', '/v3/tests', () =>
		json(200, {
			tests: state.tests.map(({ testId, testName, testType, testDuration }) => ({ testId, testName, testType, testDuration })),
		}),
	);

	// Retrieve a test: path inferred (README.md "Unverified"), fields as List all tests shows them.
	router.on('GET', '/v3/tests/:testId', ({ params }) => {
		const test = findTest(state, params.testId);
		if (!test) return testNotFound(params.testId);
		const { testId, testName, testType, testDuration } = test;
		return json(200, { testId, testName, testType, testDuration });
	});

	router.on('GET', '/v3/tests/:testId/settings', ({ params }) => {
		const test = findTest(state, params.testId);
		return test ? json(200, test.settings) : testNotFound(params.testId);
	});

	router.on('POST', '/v3/tests/:testId/settings', ({ params, body }) => {
		const test = findTest(state, params.testId);
		if (!test) return testNotFound(params.testId);
		const problems = settingsProblems(body);
		if (problems.length) return errorsBody(400, ...problems);
		test.settings = body;
		test.testName = body.testSettings.testName;
		// Only "201 Created" is documented; the body is not.
		return { status: 201 };
	});
}

function settingsProblems(body: any): string[] {
	if (!body || typeof body !== 'object') return ['Request body is required'];
	return Object.entries(REQUIRED).flatMap(([section, fields]) => {
		const value = section.split('.').reduce((node, key) => node?.[key], body);
		if (!value || typeof value !== 'object') return [`'${section}' is required`];
		return fields.flatMap((field) => {
			const entry = value[field];
			const ok = TEXT.includes(field) ? typeof entry === 'string' && entry !== '' : Number.isInteger(entry);
			return ok ? [] : [`'${section}.${field}' must be ${TEXT.includes(field) ? 'a non-empty string' : 'an integer'}`];
		});
	});
}
