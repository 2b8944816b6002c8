import { byId, fromList, jsonOf, received, run, si, useSandbox } from '../../helpers/intelligence';

describe('Job Profile (Skills Intelligence)', () => {
	const sandbox = useSandbox();

	it('Get Many reads GET /job-profiles with PageNumber/PageSize, exactly Limit', async () => {
		const output = await run(sandbox(), { resource: 'jobProfile', operation: 'getMany', limit: 2 });

		expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/job-profiles', query: { PageNumber: '1', PageSize: '2' } }]);
		expect(jsonOf(output)).toEqual([
			{ jobProfileId: 301, jobProfileName: 'Backend Engineer', description: expect.any(String) },
			{ jobProfileId: 302, jobProfileName: 'Data Analyst', description: expect.any(String) },
		]);
	});

	it('Get Many with Return All returns every profile once', async () => {
		const output = await run(sandbox(), { resource: 'jobProfile', operation: 'getMany', returnAll: true });
		expect(sandbox().requests[0].query).toEqual({ PageNumber: '1', PageSize: '100' });
		expect(jsonOf(output).map((profile) => profile.jobProfileId)).toEqual(si(sandbox()).jobProfiles.map((profile) => profile.jobProfileId));
	});

	it('Get reads GET /job-profiles/{jobProfileId} and returns the profile with its skills', async () => {
		const output = await run(sandbox(), { resource: 'jobProfile', operation: 'get', jobProfileId: fromList(302) });

		expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/job-profiles/302', query: {} }]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(JSON.parse(JSON.stringify(si(sandbox()).jobProfiles[1])));
		expect((output[0].json.skills as object[]).length).toBeGreaterThan(0);
	});

	it('Create Job Code sends the JSON body to POST /job-profiles/{jobProfileId}/job-codes', async () => {
		const output = await run(sandbox(), {
			resource: 'jobProfile',
			operation: 'createJobCode',
			jobProfileId: byId(301),
			body: '{ "jobCode": "ENG-042" }',
		});

		expect(received(sandbox())).toEqual([{ method: 'POST', path: '/si/job-profiles/301/job-codes', query: {} }]);
		expect(sandbox().requests[0].body).toEqual({ jobCode: 'ENG-042' });
		expect(output[0].json).toEqual({ jobCode: 'ENG-042', jobProfileId: 301, jobCodeId: expect.any(Number) });
	});

	it("takes the body as an object from an expression too, and shows iMocha's 400 message", async () => {
		const parameters = { resource: 'jobProfile', operation: 'createJobCode', jobProfileId: byId(303), body: { jobCode: 'OPS-7' } };
		await run(sandbox(), parameters);
		await expect(run(sandbox(), parameters)).rejects.toThrow('iMocha rejected the request: Job code OPS-7 already exists');
		expect(sandbox().requests.map((request) => request.body)).toEqual([{ jobCode: 'OPS-7' }, { jobCode: 'OPS-7' }]);
		expect(sandbox().requests.map((request) => request.status)).toEqual([201, 400]);
	});
});
