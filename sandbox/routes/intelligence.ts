import { errorsBody, json, statusMessage, type Router, type SandboxRequest, type SandboxResponse } from '../router';
import { seedIntelligence, type IntelligenceState, type SiEmployee } from '../seedIntelligence';
import type { SandboxState } from '../state';

/**
 * README.md "Unverified" (Skills Intelligence), under the `/si` prefix that stands for its own host. Paths,
 * paging names and shapes follow nodes/Imocha/api/intelligence.ts, where each
 * assumption is marked. SI error bodies are unknown: the SA shapes are used (`{ errors }` for
 * 400, `{ statusCode, message }` for 404).
 */
const SI = '/si';
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
const STATUSES = ['Active', 'Inactive'];
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export function intelligenceOf(state: SandboxState): IntelligenceState {
	state.extra.intelligence ??= seedIntelligence();
	return state.extra.intelligence as IntelligenceState;
}

export function registerIntelligenceRoutes(router: Router, state: SandboxState): void {
	const si = () => intelligenceOf(state);
	const withEmployee = (handler: (employee: SiEmployee, request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) => {
		const id = request.params.employeeId;
		if (!/^\d+$/.test(id)) return errorsBody(400, `The value '${id}' is not valid for employeeId.`);
		const employee = si().employees.find((entry) => entry.employeeId === Number(id));
		return employee ? handler(employee, request) : statusMessage(404, `Employee ${id} not found`);
	};

	router.on('GET', `${SI}/employees/skills-profile`, (request) => {
		const since = request.query.SkillProfileModifiedSince;
		if (since !== undefined && Number.isNaN(Date.parse(since))) {
			return errorsBody(400, `The value '${since}' is not valid for SkillProfileModifiedSince.`);
		}
		const search = request.query.searchText?.trim().toLowerCase();
		const employees = si().employees.filter(
			(entry) =>
				(!since || latestChange(entry) >= Date.parse(since)) &&
				(!search || [entry.fullName, entry.email, entry.externalEmployeeId].some((value) => value.toLowerCase().includes(search))),
		);
		return paged(employees.map(profileOf), request.query.pageNumber, request.query.pageSize);
	});

	// The docs list the answer's content type as text/plain (https://developer.imocha.io/get-employee-skills-by-employeeid-18892718e0): served as such, JSON inside.
	router.on(
		'GET',
		`${SI}/employees/:employeeId/skills-profile`,
		withEmployee((employee) => ({ status: 200, raw: JSON.stringify(profileOf(employee)), headers: { 'Content-Type': 'text/plain; charset=utf-8' } })),
	);

	router.on('POST', `${SI}/employees/upsert`, ({ body }) => {
		const problems = upsertProblems(body);
		if (problems.length) return errorsBody(400, ...problems);
		const employees = si().employees;
		const email = String(body.email).trim();
		const existing = employees.find(
			(entry) => entry.externalEmployeeId === body.externalEmployeeId && entry.email.toLowerCase() === email.toLowerCase(),
		);
		if (existing) {
			if (body.status) existing.status = body.status;
			if (body.fullName) existing.fullName = String(body.fullName);
			return json(200, summaryOf(existing));
		}
		const created: SiEmployee = {
			employeeId: Math.max(0, ...employees.map((entry) => entry.employeeId)) + 1,
			externalEmployeeId: String(body.externalEmployeeId),
			email,
			fullName: body.fullName ? String(body.fullName) : '',
			status: body.status ?? 'Active',
			jobProfileId: si().jobProfiles[0].jobProfileId,
			skills: [],
		};
		employees.push(created);
		si().certificates[created.employeeId] = [];
		return json(201, summaryOf(created));
	});

	router.on(
		'PATCH',
		`${SI}/employees/:employeeId/status`,
		withEmployee((employee, { body }) => {
			if (!body || typeof body !== 'object' || !STATUSES.includes(body.status)) {
				return errorsBody(400, "Status must be either 'Active' or 'Inactive'");
			}
			employee.status = body.status;
			return json(200, summaryOf(employee));
		}),
	);

	router.on(
		'GET',
		`${SI}/employees/:employeeId/certificates`,
		withEmployee((employee, { query }) => {
			const certificates = (si().certificates[employee.employeeId] ?? [])
				.filter((entry) => query.activeOnly !== 'true' || entry.certificateStatus === 1)
				.map((entry) => (query.IncludeSkills === 'true' ? entry : { ...entry, skills: [] }));
			return paged(certificates, query.PageNumber, query.PageSize);
		}),
	);

	router.on(
		'GET',
		`${SI}/employees/:employeeId/assessment-report`,
		withEmployee((employee) => json(200, assessmentReport(state, employee))),
	);

	router.on(
		'GET',
		`${SI}/employees/:employeeId/career-path`,
		withEmployee((employee) => json(200, careerPath(si(), employee))),
	);

	router.on('GET', `${SI}/job-profiles`, ({ query }) =>
		paged(
			si().jobProfiles.map(({ jobProfileId, jobProfileName, description }) => ({ jobProfileId, jobProfileName, description })),
			query.PageNumber,
			query.PageSize,
		),
	);

	router.on('GET', `${SI}/job-profiles/:jobProfileId`, ({ params }) => {
		const profile = si().jobProfiles.find((entry) => String(entry.jobProfileId) === params.jobProfileId);
		return profile ? json(200, profile) : statusMessage(404, `Job profile ${params.jobProfileId} not found`);
	});

	router.on('POST', `${SI}/job-profiles/:jobProfileId/job-codes`, ({ params, body }) => {
		const profile = si().jobProfiles.find((entry) => String(entry.jobProfileId) === params.jobProfileId);
		if (!profile) return statusMessage(404, `Job profile ${params.jobProfileId} not found`);
		if (!body || typeof body !== 'object' || typeof body.jobCode !== 'string' || !body.jobCode.trim()) {
			return errorsBody(400, 'jobCode is required');
		}
		if (si().jobCodes.some((entry) => entry.jobCode === body.jobCode)) return errorsBody(400, `Job code ${body.jobCode} already exists`);
		const jobCode = { ...body, jobCodeId: si().nextId(), jobProfileId: profile.jobProfileId };
		si().jobCodes.push(jobCode);
		return json(201, jobCode);
	});

	router.on('GET', `${SI}/taxonomy`, ({ query }) => paged(si().taxonomy, query.PageNumber, query.PageSize));

	router.on('GET', `${SI}/account/multichannel-validation-weightages`, () => json(200, si().weightages));
}

/** The SI envelope (README.md "Unverified"): pages from 1, at most 100 records a page. */
function paged(records: unknown[], pageText: string | undefined, sizeText: string | undefined): SandboxResponse {
	const pageNumber = pageText === undefined ? 1 : Number(pageText);
	const pageSize = sizeText === undefined ? DEFAULT_PAGE_SIZE : Number(sizeText);
	if (!Number.isInteger(pageNumber) || pageNumber < 1) return errorsBody(400, 'PageNumber must be 1 or more');
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		return errorsBody(400, `PageSize must be between 1 and ${MAX_PAGE_SIZE}`);
	}
	const totalPages = Math.ceil(records.length / pageSize);
	return json(200, {
		items: records.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
		pageNumber,
		totalPages,
		totalCount: records.length,
		hasPreviousPage: pageNumber > 1,
		hasNextPage: pageNumber < totalPages,
	});
}

function latestChange(employee: SiEmployee): number {
	return Math.max(0, ...employee.skills.map((entry) => Date.parse(entry.skill.modifiedOn)));
}

function profileOf(employee: SiEmployee) {
	const { employeeId, externalEmployeeId, email, fullName, skills } = employee;
	return { employeeId, externalEmployeeId, email, fullName, skills };
}

function summaryOf(employee: SiEmployee) {
	const { employeeId, externalEmployeeId, email, fullName, status } = employee;
	return { employeeId, externalEmployeeId, email, fullName, status };
}

function upsertProblems(body: any): string[] {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return ['The request body must be a JSON object'];
	const problems: string[] = [];
	if (typeof body.externalEmployeeId !== 'string' || !body.externalEmployeeId.trim()) problems.push('externalEmployeeId is required');
	if (typeof body.email !== 'string' || !body.email.trim()) problems.push('email is required');
	else if (!EMAIL.test(body.email.trim())) problems.push('Email address is in invalid format');
	if (body.status !== undefined && !STATUSES.includes(body.status)) problems.push("Status must be either 'Active' or 'Inactive'");
	return problems;
}

/** The employee's finished iMocha attempts, found by email in the Skills Assessment data. */
function assessmentReport(state: SandboxState, employee: SiEmployee) {
	const finished = state.invitations.filter(
		(entry) => entry.email.toLowerCase() === employee.email.toLowerCase() && ['Complete', 'Terminated', 'Test Left'].includes(entry.status),
	);
	return {
		employeeId: employee.employeeId,
		email: employee.email,
		assessments: finished.map((entry) => ({
			testInvitationId: entry.testInvitationId,
			testId: entry.testId,
			testName: state.tests.find((test) => test.testId === entry.testId)?.testName ?? '',
			status: entry.status,
			attemptedOn: entry.attemptedOn ?? null,
			scorePercentage: entry.totalTestPoints ? Math.round(((entry.candidatePoints ?? 0) / entry.totalTestPoints) * 100) : 0,
			performanceCategory: entry.performanceCategory ?? null,
		})),
	};
}

/** The other job profiles, ranked by how much of their required proficiency the employee already has. */
function careerPath(si: IntelligenceState, employee: SiEmployee) {
	const current = si.jobProfiles.find((entry) => entry.jobProfileId === employee.jobProfileId);
	const score = (skillId: number) =>
		employee.skills.find((entry) => entry.skill.skillId === skillId)?.weightedProficiencyScore ?? 0;
	const paths = si.jobProfiles
		.filter((entry) => entry.jobProfileId !== employee.jobProfileId)
		.map((profile) => {
			const fit = profile.skills.map((skill) => Math.min(1, score(skill.skillId) / skill.skillRequiredProficiency));
			return {
				jobProfileId: profile.jobProfileId,
				jobProfileName: profile.jobProfileName,
				matchPercentage: Math.round((fit.reduce((sum, value) => sum + value, 0) / fit.length) * 100),
				skillGaps: profile.skills
					.filter((skill) => score(skill.skillId) < skill.skillRequiredProficiency)
					.map((skill) => ({
						skillId: skill.skillId,
						skillName: skill.skillName,
						requiredProficiency: skill.skillRequiredProficiency,
						currentProficiency: score(skill.skillId),
					})),
			};
		})
		.sort((a, b) => b.matchPercentage - a.matchPercentage);
	return {
		employeeId: employee.employeeId,
		currentJobProfile: current ? { jobProfileId: current.jobProfileId, jobProfileName: current.jobProfileName } : null,
		careerPaths: paths,
	};
}
