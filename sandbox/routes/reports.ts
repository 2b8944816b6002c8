import { buildPdf } from '../pdf';
import { errorsBody, json, statusMessage, type Router, type SandboxRequest } from '../router';
import type { Invitation, SandboxState } from '../state';
import { findTest, testNotFound } from './tests';

const FINISHED = ['Complete', 'Terminated', 'Test Left'];
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
const DEFAULT_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * When set (tests do this through `state.extra`), the PDF route answers with JSON holding a link
 * instead of the file: `{origin}` becomes the sandbox's own origin, `{id}` the invitation.
 */
export const PDF_LINK_TEMPLATE = 'pdfLinkTemplate';

/** https://developer.imocha.io/retrieve-candidate-test-report-18157698e0 (Report). Reports are read from the invitations. */
export function registerReportRoutes(router: Router, state: SandboxState): void {
	const find = (id: string) => state.invitations.find((entry) => String(entry.testInvitationId) === id);
	const notFound = (id: string) => statusMessage(404, `Test invitation ${id} not found`);

	router.on('GET', '/v3/reports', (request) => listReports(state, request, () => true));

	// Get Reports By TestId: page unavailable (README.md "Unverified"); assumed to page and filter like README.md "Unverified".
	router.on('GET', '/v3/tests/:testId/reports', (request) => {
		const test = findTest(state, request.params.testId);
		if (!test) return testNotFound(request.params.testId);
		return listReports(state, request, (invitation) => invitation.testId === test.testId);
	});

	router.on('GET', '/v3/reports/:testInvitationId', ({ params, query }) => {
		const invitation = find(params.testInvitationId);
		if (!invitation) return notFound(params.testInvitationId);
		const reportType = query.reportType ?? '1';
		if (!['1', '2', '3'].includes(reportType)) return errorsBody(400, "'reportType' must be 1, 2 or 3");
		return json(200, singleReport(state, invitation, Number(reportType)));
	});

	// Path from third-party code (README.md "Unverified"); the answer's form is unknown: the file by default.
	router.on('GET', '/v3/reports/:testInvitationId/pdf', ({ params, headers }) => {
		const invitation = find(params.testInvitationId);
		if (!invitation) return notFound(params.testInvitationId);
		if (!FINISHED.includes(invitation.status)) {
			return statusMessage(400, `Report is not available for test invitation ${params.testInvitationId} in state ${invitation.status}`);
		}
		const template = state.extra[PDF_LINK_TEMPLATE] as string | undefined;
		if (template) {
			const origin = `http://${headers.host}`;
			return json(200, { pdfReportUrl: template.replace('{origin}', origin).replace('{id}', params.testInvitationId) });
		}
		return pdfResponse(state, invitation);
	});

	// Where the sandbox's PDF links point, like app.imocha.io/PDFReport?id=... does.
	router.on('GET', '/PDFReport', ({ query }) => {
		const invitation = find(query.id ?? '');
		return invitation ? pdfResponse(state, invitation) : notFound(query.id ?? '');
	});
}

function pdfResponse(state: SandboxState, invitation: Invitation) {
	const raw = buildPdf([
		'iMocha test report',
		`Test: ${testName(state, invitation)}`,
		`Candidate: ${invitation.name} <${invitation.email}>`,
		`Test invitation: ${invitation.testInvitationId}`,
		`Status: ${invitation.status}`,
		`Score: ${invitation.candidatePoints ?? 0} / ${invitation.totalTestPoints ?? 0} (${percentage(invitation)}%)`,
	]);
	return { status: 200, raw, headers: { 'Content-Type': 'application/pdf' } };
}

function testName(state: SandboxState, invitation: Invitation): string {
	return state.tests.find((test) => test.testId === invitation.testId)?.testName ?? '';
}

function percentage(invitation: Invitation): number {
	const total = invitation.totalTestPoints ?? 0;
	return total ? Math.round(((invitation.candidatePoints ?? 0) / total) * 100) : 0;
}

/** The report fields of https://developer.imocha.io/retrieve-candidate-test-report-18157698e0; scores stay empty until the attempt is over. */
function singleReport(state: SandboxState, invitation: Invitation, reportType: number) {
	const finished = FINISHED.includes(invitation.status);
	return {
		testInvitationId: invitation.testInvitationId,
		testId: invitation.testId,
		candidateEmail: invitation.email,
		attemptedOn: invitation.attemptedOn ?? null,
		// Client code sees "Complete" and "TestLeft": statuses without spaces.
		status: invitation.status.replace(/\s+/g, ''),
		score: finished ? (invitation.candidatePoints ?? 0) : 0,
		scorePercentage: finished ? percentage(invitation) : 0,
		candidatePoints: finished ? (invitation.candidatePoints ?? 0) : 0,
		totalTestPoints: finished ? (invitation.totalTestPoints ?? 0) : 0,
		testName: testName(state, invitation),
		pdfReportUrl: finished ? `https://app.imocha.io/PDFReport?id=${invitation.testInvitationId}` : null,
		performanceCategory: finished ? (invitation.performanceCategory ?? null) : null,
		// The skill-wise array's name is not documented (https://developer.imocha.io/retrieve-candidate-test-report-18157698e0), so reportType 2 only drops sections.
		...(reportType !== 2 ? { sections: sections(invitation, false) } : {}),
	};
}

/** Two sections per attempt, splitting its points; README.md "Unverified" spells the id `sectionID`. */
function sections(invitation: Invitation, listShape: boolean) {
	const points = invitation.candidatePoints ?? 0;
	const split = [
		{ name: 'Fundamentals', max: 55, score: Math.min(55, Math.round(points / 2)), questions: 11, time: 20 },
		{ name: 'Problem Solving', max: 60, score: points - Math.min(55, Math.round(points / 2)), questions: 12, time: 25 },
	];
	return split.map((section, index) => ({
		[listShape ? 'sectionID' : 'sectionId']: invitation.testId * 10 + index + 1,
		sectionName: section.name,
		noOfQue: section.questions,
		sectionTime: section.time,
		sectionTimeTaken: section.time * 50,
		candidateScore: section.score,
		sectionScore: section.max,
		...(listShape
			? { negativeMark: 0, correctQuestions: Math.round((section.score / section.max) * section.questions), wrongQuestions: 0, skippedQuestions: 0, notAnsweredQuestions: 0 }
			: {}),
	}));
}

function listReports(state: SandboxState, { query }: SandboxRequest, belongs: (invitation: Invitation) => boolean) {
	const pageNo = query.PageNo === undefined ? 1 : Number(query.PageNo);
	const pageSize = query.PageSize === undefined ? DEFAULT_PAGE_SIZE : Number(query.PageSize);
	if (!Number.isInteger(pageNo) || pageNo < 1) return errorsBody(400, "'PageNo' must be a whole number from 1");
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		return errorsBody(400, `'PageSize' must be between 1 and ${MAX_PAGE_SIZE}`);
	}
	const end = query.endDate === undefined ? Date.now() : Date.parse(query.endDate);
	const start = query.startDate === undefined ? end - DEFAULT_WINDOW_MS : Date.parse(query.startDate);
	if (Number.isNaN(start) || Number.isNaN(end)) return errorsBody(400, 'Date & time is invalid or in an incorrect format');
	const includeSections = query.includeSections?.toLowerCase() === 'true';
	// Which timestamp the range filters on is unknown (README.md "Unverified"): the sandbox uses completion time.
	// Timestamps parsed once per request: with tens of thousands of seeded reports, parsing in
	// the comparator made each page cost seconds.
	const matching = state.invitations
		.filter((invitation) => FINISHED.includes(invitation.status) && belongs(invitation))
		.map((invitation) => ({ invitation, completed: Date.parse(invitation.updatedAt) }))
		.filter(({ completed }) => completed >= start && completed <= end)
		.sort((a, b) => a.completed - b.completed || a.invitation.testInvitationId - b.invitation.testInvitationId)
		.map(({ invitation }) => invitation);
	const totalPages = Math.ceil(matching.length / pageSize);
	const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
	return json(200, {
		reports: page.map((invitation) => listEntry(state, invitation, includeSections)),
		pageNumber: pageNo,
		totalPages,
		totalCount: matching.length,
		hasPreviousPage: pageNo > 1,
		hasNextPage: pageNo < totalPages,
	});
}

function listEntry(state: SandboxState, invitation: Invitation, includeSections: boolean) {
	const test = state.tests.find((entry) => entry.testId === invitation.testId);
	return {
		candidateFullName: invitation.name,
		status: invitation.status.replace(/\s+/g, ''),
		appearedOn: invitation.attemptedOn ?? null,
		testInvitationId: invitation.testInvitationId,
		testId: invitation.testId,
		candidateEmail: invitation.email,
		completedOn: invitation.updatedAt,
		score: invitation.candidatePoints ?? 0,
		candidatePoints: invitation.candidatePoints ?? 0,
		totalTestPoints: invitation.totalTestPoints ?? 0,
		scorePercentage: percentage(invitation),
		timeTaken: 40,
		testDuration: test?.testDuration ?? 0,
		performanceCategory: invitation.performanceCategory ?? null,
		testName: test?.testName ?? '',
		pdfReportUrl: `https://app.imocha.io/PDFReport?id=${invitation.testInvitationId}`,
		...(includeSections ? { sections: sections(invitation, true) } : {}),
	};
}
