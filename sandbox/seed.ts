import type { Invitation, SandboxState, Test, TestLink } from './state';

export const SANDBOX_API_KEY = 'sandbox-key';

const TEST_NAMES: Array<[number, string, string, number, string[]]> = [
	[1134601, 'Java Developer Assessment', 'Technical', 60, ['engineering', 'backend']],
	[292930, 'Python Coding Challenge', 'Coding', 45, ['engineering']],
	[303076, 'Customer Support Aptitude', 'Aptitude', 30, ['support']],
	[415020, 'SQL Fundamentals', 'Technical', 40, ['engineering', 'data']],
	[415021, 'Cloud Architecture (AWS)', 'Technical', 50, []],
	[415022, 'Business English', 'Language', 25, ['language']],
];

function defaultSettings(testName: string) {
	return {
		testSettings: { testName, testAliasName: testName, typeOfTest: 1, practiceTest: 0 },
		questionSettings: { randomQuestions: 0, randomAnswers: 0, showQuestionScore: 0 },
		displayMessageSettings: { sectionEndPopup: 0, sectionTimeLeftAlert: 0, candidateFeedback: 0 },
		emailSettings: { sendTestReportEmailToCandidate: 0 },
		imageProctoringSettings: { terminateTestOnImageViolation: 0, terminateTestAfterViolationCount: 1 },
		windowViolationSettings: {
			copyPaste: 0,
			displayViolationSettings: { displayViolationPopUp: 1, terminateTestOnWindowViolation: 1, terminateTestAfterViolationCount: 1 },
		},
	};
}

function links(test: Test, firstId: number): TestLink[] {
	const base = {
		testId: test.testId,
		testLinkStatus: 'active' as const,
		isApiLink: false,
		stakeholderEmails: 'hiring.lead@example.com',
	};
	return [
		{
			...base,
			testLinkId: firstId,
			testLinkName: 'Email Invite',
			testLink: `e${test.testId.toString(16)}`,
			invitationType: 'email',
			proctoringSettings: { proctoringMode: 'image' },
			invitationSchedule: { scheduleType: 'validityindays', scheduleDetails: { invitationValidityInDays: 7, timeZoneId: 1720 } },
		},
		{
			...base,
			testLinkId: firstId + 1,
			testLinkName: 'Campus Drive',
			testLink: `c${test.testId.toString(16)}`,
			invitationType: 'open',
			proctoringSettings: { proctoringMode: 'disabled' },
			invitationSchedule: {
				scheduleType: 'timebound',
				scheduleDetails: { startDateTime: '2026-01-05T09:00:00Z', endDateTime: '2026-12-20T18:00:00Z', timeZoneId: 200 },
			},
		},
	];
}

function completed(id: number, testId: number, email: string, name: string, points: number, day: string): Invitation {
	return {
		testInvitationId: id,
		testId,
		testLinkId: 0,
		email,
		name,
		status: 'Complete',
		invitationType: id % 2 ? 'api' : 'app',
		sendEmail: 'no',
		hideInstruction: 0,
		updatedAt: `${day}T10:30:00Z`,
		attemptedOn: `${day}T10:00:00Z`,
		candidatePoints: points,
		totalTestPoints: 115,
		performanceCategory: points > 80 ? 'Expert' : points > 50 ? 'Intermediate' : 'Beginner',
	};
}

/**
 * Finished attempts in early 2025, far from the hand-written ones, so that report lists span
 * several pages (PageSize is at most 100) without touching the dates other tests rely on.
 */
export const GENERATED_ATTEMPTS = 230;
export const GENERATED_WINDOW = { start: '2025-01-01T00:00:00Z', end: '2025-03-31T23:59:59Z' };

export function generatedAttempts(count: number): Invitation[] {
	return Array.from({ length: count }, (_, index) => {
		const [testId] = TEST_NAMES[index % TEST_NAMES.length];
		const number = String(index + 1).padStart(3, '0');
		const attempted = new Date(Date.UTC(2025, 0, 1, 8) + index * 7 * 3600_000);
		const attempt = completed(2_500_001 + index, testId, `candidate${number}@example.com`, `Candidate ${number}`, (index * 37) % 116, '2025-01-01');
		attempt.attemptedOn = attempted.toISOString().replace(/\.\d{3}Z$/, 'Z');
		attempt.updatedAt = new Date(attempted.getTime() + 40 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		return attempt;
	});
}

/** A small, realistic account: enough for every picker and operation to show something. */
export function seedState(apiKeys: string[] = [SANDBOX_API_KEY]): SandboxState {
	let counter = 3_400_000;
	const tests: Test[] = TEST_NAMES.map(([testId, testName, testType, testDuration, labels]) => ({
		testId,
		testName,
		testType,
		testDuration,
		status: 'Active',
		labels,
		settings: defaultSettings(testName),
	}));
	return {
		apiKeys: new Set(apiKeys),
		tests,
		testLinks: tests.flatMap((test, index) => links(test, 201044 + index * 10)),
		invitations: [
			completed(2655161, 292930, 'may.lee@example.com', 'May Lee', 92, '2026-11-02'),
			completed(2894725, 1134601, 'suhas.k@example.com', 'Suhas Kurade', 61, '2026-11-10'),
			completed(2894726, 1134601, 'ana.silva@example.com', 'Ana Silva', 34, '2026-11-12'),
			...generatedAttempts(GENERATED_ATTEMPTS),
		],
		businessUnits: [
			{ businessUnitId: 115231, businessUnitName: 'Default BU 1', createdOn: '2023-02-28T04:15:53.103' },
			{ businessUnitId: 115232, businessUnitName: 'Default BU 2', createdOn: '2023-02-28T04:15:53.103' },
			{ businessUnitId: 140867, businessUnitName: 'Engineering', createdOn: '2024-07-12T06:37:04.14' },
		],
		users: [{ email: 'reviewer@example.com', fullName: 'Rita Reviewer', businessunitId: 115231, status: 'Active' }],
		timezones: [
			{ timeZoneId: 200, timeZoneName: '(UTC) Coordinated Universal Time' },
			{ timeZoneId: 1720, timeZoneName: '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi' },
			{ timeZoneId: 1100, timeZoneName: '(UTC-05:00) Eastern Time (US & Canada)' },
			{ timeZoneId: 1160, timeZoneName: '(UTC-08:00) Pacific Time (US & Canada)' },
			{ timeZoneId: 1300, timeZoneName: '(UTC+00:00) Dublin, Edinburgh, Lisbon, London' },
			{ timeZoneId: 1400, timeZoneName: '(UTC+01:00) Amsterdam, Berlin, Rome, Stockholm, Vienna' },
			{ timeZoneId: 1900, timeZoneName: '(UTC+08:00) Singapore' },
		],
		callbacks: [],
		gdprRequests: [],
		extra: {},
		nextId: () => ++counter,
	};
}
