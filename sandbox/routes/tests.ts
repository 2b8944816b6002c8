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

/** The page size the sandbox assumes when none is sent (iMocha's is unknown), and its cap. */
const DEFAULT_TESTS_PAGE = 10;
const MAX_TESTS_PAGE = 100;

export function findTest(state: SandboxState, testId: string): Test | undefined {
	return state.tests.find((test) => String(test.testId) === testId);
}

export const testNotFound = (testId: string) => statusMessage(404, `Test ${testId} not found`);

/** README.md "Unverified" (Test). */
export function registerTestRoutes(router: Router, state: SandboxState): void {
	// List all tests as a public client pages it (imocha-api reference 3.1, third-party): pageNo from
	// 1, pageSize, labelsFilter; the answer holds one page and `count`, the total. Without paging
	// parameters only the first page comes back, as the evidence warns.
	router.on('GET', '/v3/tests', ({ query }) => {
		const pageNo = Math.max(1, Number(query.pageNo) || 1);
		const pageSize = Math.min(MAX_TESTS_PAGE, Math.max(1, Number(query.pageSize) || DEFAULT_TESTS_PAGE));
		const label = query.labelsFilter?.trim().toLowerCase();
		const matching = label ? state.tests.filter((test) => test.labels.some((entry) => entry.toLowerCase() === label)) : state.tests;
		const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		return json(200, {
			tests: page.map(({ testId, testName, testType, testDuration, status, labels }) => ({
				testId,
				testName,
				status,
				duration: testDuration,
				labels,
				testType,
				testDuration,
			})),
			count: matching.length,
		});
	});

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
