import { FIRST_EMPLOYEE_ID, SEEDED_EMPLOYEES } from '../../../sandbox/seedIntelligence';
import { byId, fromList, jsonOf, received, run, si, useSandbox } from '../../helpers/intelligence';

const SIMPLE_SKILL_KEYS = [
	'classification',
	'experienceInMonths',
	'isJobProfileSkill',
	'skillGapInPercentage',
	'skillId',
	'skillName',
	'skillRequiredProficiency',
	'weightedProficiencyScore',
];

describe('Employee (Skills Intelligence)', () => {
	const sandbox = useSandbox();

	describe('Get Many', () => {
		it('reads GET /employees/skills-profile with pageNumber/pageSize, one item per employee, exactly Limit', async () => {
			const output = await run(sandbox(), { resource: 'employee', operation: 'getMany', limit: 3 });

			expect(received(sandbox())).toEqual([
				{ method: 'GET', path: '/si/employees/skills-profile', query: { pageNumber: '1', pageSize: '3' } },
			]);
			expect(sandbox().requests[0].headers['x-api-key']).toBe('sandbox-key');
			expect(jsonOf(output).map((employee) => employee.employeeId)).toEqual([
				FIRST_EMPLOYEE_ID,
				FIRST_EMPLOYEE_ID + 1,
				FIRST_EMPLOYEE_ID + 2,
			]);
			expect(Object.keys(output[0].json).sort()).toEqual(['email', 'employeeId', 'externalEmployeeId', 'fullName', 'skills']);
			expect(Object.keys((output[0].json.skills as object[])[0]).sort()).toEqual(SIMPLE_SKILL_KEYS);
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		});

		it('returns every employee once with Return All, following hasNextPage over pages of 100', async () => {
			const output = await run(sandbox(), { resource: 'employee', operation: 'getMany', returnAll: true });

			expect(received(sandbox()).map((request) => request.query)).toEqual([
				{ pageNumber: '1', pageSize: '100' },
				{ pageNumber: '2', pageSize: '100' },
			]);
			const ids = jsonOf(output).map((employee) => employee.employeeId);
			expect(ids).toHaveLength(SEEDED_EMPLOYEES);
			expect(new Set(ids).size).toBe(SEEDED_EMPLOYEES);
			expect(ids).toEqual(si(sandbox()).employees.slice(0, SEEDED_EMPLOYEES).map((employee) => employee.employeeId));
		});

		it('stops at exactly a Limit that spans two pages', async () => {
			const output = await run(sandbox(), { resource: 'employee', operation: 'getMany', limit: 120 });
			expect(output).toHaveLength(120);
			expect(sandbox().requests).toHaveLength(2);
			expect(output.at(-1)?.json.employeeId).toBe(FIRST_EMPLOYEE_ID + 119);
		});

		it('sends SkillProfileModifiedSince in UTC and searchText, and returns the raw profile without Simplify', async () => {
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'getMany',
				returnAll: true,
				filters: { modifiedSince: '2025-08-01T02:00:00+02:00', searchText: 'garcia' },
				simplify: false,
			});

			expect(sandbox().requests[0].query).toEqual({
				pageNumber: '1',
				pageSize: '100',
				SkillProfileModifiedSince: '2025-08-01T00:00:00Z',
				searchText: 'garcia',
			});
			const garcias = si(sandbox()).employees.filter((employee) => employee.fullName.endsWith('Garcia'));
			expect(output.length).toBeGreaterThan(0);
			expect(output.length).toBeLessThan(garcias.length);
			for (const { json } of output) {
				expect(String(json.fullName)).toMatch(/Garcia/);
				const [skill] = json.skills as Array<Record<string, any>>;
				expect(Date.parse(skill.skill.modifiedOn)).toBeGreaterThanOrEqual(Date.parse('2025-08-01T00:00:00Z'));
				expect(skill).toHaveProperty('selfValidationScore');
				expect(skill).toHaveProperty('aiInferredRatings');
			}
		});
	});

	describe('Get Skills', () => {
		it('reads GET /employees/{employeeId}/skills-profile (served as text/plain) and simplifies each skill', async () => {
			const output = await run(sandbox(), { resource: 'employee', operation: 'getSkills', employeeId: byId(' 10003 ') });

			expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/employees/10003/skills-profile', query: {} }]);
			expect(output).toHaveLength(1);
			const stored = si(sandbox()).employees.find((employee) => employee.employeeId === 10003)!;
			expect(output[0].json).toMatchObject({ employeeId: 10003, email: stored.email, fullName: stored.fullName });
			const skills = output[0].json.skills as Array<Record<string, unknown>>;
			expect(skills).toHaveLength(stored.skills.length);
			expect(Object.keys(skills[0]).sort()).toEqual(SIMPLE_SKILL_KEYS);
			expect(skills[0]).toMatchObject({
				skillId: stored.skills[0].skill.skillId,
				skillName: stored.skills[0].skill.skillName,
				weightedProficiencyScore: stored.skills[0].weightedProficiencyScore,
				skillGapInPercentage: stored.skills[0].skillGapInPercentage,
			});
		});

		it('returns the full profile when Simplify is off', async () => {
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'getSkills',
				employeeId: fromList(10004),
				simplify: false,
			});
			const stored = si(sandbox()).employees.find((employee) => employee.employeeId === 10004)!;
			expect(output[0].json.skills).toEqual(JSON.parse(JSON.stringify(stored.skills)));
		});

		it("surfaces iMocha's 404 for an unknown employee", async () => {
			await expect(run(sandbox(), { resource: 'employee', operation: 'getSkills', employeeId: byId(999999) })).rejects.toThrow(
				/could not find/i,
			);
			expect(sandbox().requests.at(-1)?.status).toBe(404);
		});
	});

	describe('Create or Update (upsert)', () => {
		it('creates an employee with POST /employees/upsert and exactly the named body fields', async () => {
			const before = si(sandbox()).employees.length;
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'upsert',
				externalEmployeeId: ' HR-7001 ',
				email: 'new.hire@example.com',
				status: 'Active',
				additionalFields: { fullName: 'New Hire' },
			});

			expect(received(sandbox())).toEqual([{ method: 'POST', path: '/si/employees/upsert', query: {} }]);
			expect(sandbox().requests[0].body).toEqual({
				externalEmployeeId: 'HR-7001',
				email: 'new.hire@example.com',
				status: 'Active',
				fullName: 'New Hire',
			});
			expect(sandbox().requests[0].status).toBe(201);
			expect(si(sandbox()).employees).toHaveLength(before + 1);
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({ externalEmployeeId: 'HR-7001', email: 'new.hire@example.com', status: 'Active' });
			expect(typeof output[0].json.employeeId).toBe('number');
		});

		it('updates the employee matching External Employee ID and Email, and Inactive deactivates them', async () => {
			const existing = si(sandbox()).employees[5];
			const before = si(sandbox()).employees.length;
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'upsert',
				externalEmployeeId: existing.externalEmployeeId,
				email: existing.email,
				status: 'Inactive',
			});

			expect(sandbox().requests[0].body).toEqual({
				externalEmployeeId: existing.externalEmployeeId,
				email: existing.email,
				status: 'Inactive',
			});
			expect(sandbox().requests[0].status).toBe(200);
			expect(si(sandbox()).employees).toHaveLength(before);
			expect(output[0].json).toMatchObject({ employeeId: existing.employeeId, status: 'Inactive' });
			expect(existing.status).toBe('Inactive');
		});

		it('sends Other Fields as given, with the named fields taking precedence', async () => {
			await run(sandbox(), {
				resource: 'employee',
				operation: 'upsert',
				externalEmployeeId: 'HR-7002',
				email: 'other.fields@example.com',
				status: 'Active',
				additionalFields: { otherFields: '{ "department": "R&D", "email": "ignored@example.com" }' },
			});
			expect(sandbox().requests[0].body).toEqual({
				department: 'R&D',
				externalEmployeeId: 'HR-7002',
				email: 'other.fields@example.com',
				status: 'Active',
			});
		});
	});

	describe('Update Status', () => {
		it('sends PATCH /employees/{employeeId}/status with { status } and returns the employee', async () => {
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'updateStatus',
				employeeId: fromList(10002),
				status: 'Inactive',
			});

			expect(received(sandbox())).toEqual([{ method: 'PATCH', path: '/si/employees/10002/status', query: {} }]);
			expect(sandbox().requests[0].body).toEqual({ status: 'Inactive' });
			expect(output[0].json).toMatchObject({ employeeId: 10002, status: 'Inactive' });

			await run(sandbox(), { resource: 'employee', operation: 'updateStatus', employeeId: byId(10002), status: 'Active' });
			expect(si(sandbox()).employees.find((employee) => employee.employeeId === 10002)?.status).toBe('Active');
		});
	});

	describe('Get Certificates', () => {
		it('lists GET /employees/{employeeId}/certificates with PageNumber/PageSize, exactly Limit', async () => {
			const output = await run(sandbox(), { resource: 'employee', operation: 'getCertificates', employeeId: byId(10004), limit: 2 });

			expect(received(sandbox())).toEqual([
				{ method: 'GET', path: '/si/employees/10004/certificates', query: { PageNumber: '1', PageSize: '2' } },
			]);
			expect(jsonOf(output).map((certificate) => certificate.certificateId)).toEqual(
				si(sandbox()).certificates[10004].slice(0, 2).map((certificate) => certificate.certificateId),
			);
			expect(output[0].json).toEqual(expect.objectContaining({ title: expect.any(String), issuer: expect.any(String), skills: [] }));
		});

		it('sends IncludeSkills and activeOnly when set', async () => {
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'getCertificates',
				employeeId: byId(10004),
				returnAll: true,
				options: { includeSkills: true, activeOnly: true },
			});

			expect(sandbox().requests[0].query).toEqual({ PageNumber: '1', PageSize: '100', IncludeSkills: 'true', activeOnly: 'true' });
			expect(output).toHaveLength(2);
			for (const { json } of output) {
				expect(json.certificateStatus).toBe(1);
				expect((json.skills as object[]).length).toBeGreaterThan(0);
			}
		});

		it('follows the pages with Return All', async () => {
			const list = si(sandbox()).certificates[10001];
			for (let index = 0; index < 150; index++) {
				list.push({ certificateId: 80_000 + index, title: `Course ${index}`, issuer: 'iMocha', certificateStatus: 1, skills: [] });
			}
			const output = await run(sandbox(), { resource: 'employee', operation: 'getCertificates', employeeId: byId(10001), returnAll: true });

			expect(received(sandbox()).map((request) => request.query.PageNumber)).toEqual(['1', '2']);
			const ids = jsonOf(output).map((certificate) => certificate.certificateId);
			expect(ids).toEqual(list.map((certificate) => certificate.certificateId));
		});
	});

	describe('Get Assessment Report', () => {
		it("reads GET /employees/{employeeId}/assessment-report and returns iMocha's answer as one item", async () => {
			const [enrolled] = await run(sandbox(), {
				resource: 'employee',
				operation: 'upsert',
				externalEmployeeId: 'HR-MAY',
				email: 'may.lee@example.com',
				status: 'Active',
			});
			sandbox().requests.length = 0;
			const output = await run(sandbox(), {
				resource: 'employee',
				operation: 'getAssessmentReport',
				employeeId: byId(enrolled.json.employeeId as number),
			});

			expect(received(sandbox())).toEqual([
				{ method: 'GET', path: `/si/employees/${enrolled.json.employeeId}/assessment-report`, query: {} },
			]);
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({
				employeeId: enrolled.json.employeeId,
				assessments: [expect.objectContaining({ testInvitationId: 2655161, status: 'Complete' })],
			});
		});
	});
});
