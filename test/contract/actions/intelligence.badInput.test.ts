import { byId, run, useSandbox } from '../../helpers/intelligence';

const twoItems = [{ json: {} }, { json: {} }];

describe('Skills Intelligence validation (before any request)', () => {
	const sandbox = useSandbox();

	it.each([
		['employee', 'getSkills', 'Employee', { employeeId: byId('abc') }],
		['employee', 'getCertificates', 'Employee', { employeeId: byId('0') }],
		['employee', 'getAssessmentReport', 'Employee', { employeeId: byId('') }],
		['careerPath', 'get', 'Employee', { employeeId: byId('12.5') }],
		['employee', 'updateStatus', 'Status', { employeeId: byId(10002), status: 'active' }],
		['jobProfile', 'get', 'Job Profile', { jobProfileId: byId('x1') }],
		['jobProfile', 'createJobCode', 'Body (JSON)', { jobProfileId: byId(301), body: '{ "jobCode": ' }],
		['jobProfile', 'createJobCode', 'Body (JSON)', { jobProfileId: byId(301), body: '[]' }],
		['jobProfile', 'createJobCode', 'Body (JSON)', { jobProfileId: byId(301), body: '{}' }],
		['employee', 'upsert', 'Email', { externalEmployeeId: 'E1', email: 'not-an-email', status: 'Active' }],
		['employee', 'upsert', 'External Employee ID', { externalEmployeeId: '  ', email: 'a@example.com', status: 'Active' }],
		['employee', 'upsert', 'Status', { externalEmployeeId: 'E1', email: 'a@example.com', status: 'Enabled' }],
		['employee', 'upsert', 'Other Fields (JSON)', { externalEmployeeId: 'E1', email: 'a@example.com', status: 'Active', additionalFields: { otherFields: 'nope' } }],
		['employee', 'getMany', 'Modified Since', { filters: { modifiedSince: 'last tuesday' } }],
	])('%s > %s: a bad "%s" on item 1 fails before any request', async (resource, operation, field, bad) => {
		const good = { employeeId: byId(10002), jobProfileId: byId(301), externalEmployeeId: 'E1', email: 'a@example.com', status: 'Active', body: '{"jobCode":"X"}' };
		const parameters = (itemIndex: number) => ({ resource, operation, ...good, ...(itemIndex === 1 ? bad : {}) });

		await expect(run(sandbox(), parameters, { items: twoItems })).rejects.toThrow(`The "${field}" of item 1`);
		expect(sandbox().requests).toHaveLength(0);
	});

	it('with Continue On Fail, returns an error item for the bad item and runs the good one', async () => {
		const output = await run(
			sandbox(),
			(itemIndex) => ({ resource: 'employee', operation: 'getSkills', employeeId: byId(itemIndex === 0 ? 10003 : 'nope') }),
			{ items: twoItems, continueOnFail: true },
		);

		expect(sandbox().requests.map((request) => request.path)).toEqual(['/si/employees/10003/skills-profile']);
		expect(output).toHaveLength(2);
		expect(output[0]).toMatchObject({ json: { employeeId: 10003 }, pairedItem: { item: 0 } });
		expect(output[1]).toEqual({
			json: expect.objectContaining({ error: expect.stringContaining('The "Employee" of item 1 must be a positive whole number') }),
			pairedItem: { item: 1 },
		});
	});

	it('with Continue On Fail, turns an iMocha rejection into an error item naming the problem', async () => {
		const output = await run(
			sandbox(),
			{ resource: 'employee', operation: 'upsert', externalEmployeeId: 'E9', email: 'a@example.com', status: 'Active' },
			{ continueOnFail: true },
		);
		expect(output).toHaveLength(1);
		expect(output[0].json).not.toHaveProperty('error');

		const failing = await run(
			sandbox(),
			{ resource: 'employee', operation: 'updateStatus', employeeId: byId(777777), status: 'Inactive' },
			{ continueOnFail: true },
		);
		expect(failing).toEqual([
			{ json: expect.objectContaining({ error: 'iMocha could not find the resource: Employee 777777 not found' }), pairedItem: { item: 0 } },
		]);
	});
});
