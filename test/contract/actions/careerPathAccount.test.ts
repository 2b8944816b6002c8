import { byId, fromList, received, run, si, useSandbox } from '../../helpers/intelligence';

describe('Career Path and Account (Skills Intelligence)', () => {
	const sandbox = useSandbox();

	it('Career Path > Get reads GET /employees/{employeeId}/career-path and returns it as one item', async () => {
		const output = await run(sandbox(), { resource: 'careerPath', operation: 'get', employeeId: fromList(10007) });

		expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/employees/10007/career-path', query: {} }]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			employeeId: 10007,
			currentJobProfile: { jobProfileId: expect.any(Number) },
			careerPaths: expect.arrayContaining([expect.objectContaining({ jobProfileName: expect.any(String), matchPercentage: expect.any(Number) })]),
		});
	});

	it("Career Path > Get shows iMocha's 404 as an error item with Continue On Fail", async () => {
		const output = await run(sandbox(), { resource: 'careerPath', operation: 'get', employeeId: byId(424242) }, { continueOnFail: true });
		expect(output).toEqual([
			{ json: expect.objectContaining({ error: expect.stringMatching(/could not find/i) }), pairedItem: { item: 0 } },
		]);
	});

	it('Account > Get Validation Weightages reads GET /account/multichannel-validation-weightages', async () => {
		const output = await run(sandbox(), { resource: 'account', operation: 'getValidationWeightages' });

		expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/account/multichannel-validation-weightages', query: {} }]);
		expect(sandbox().requests[0].body).toBeUndefined();
		expect(output).toEqual([{ json: si(sandbox()).weightages, pairedItem: { item: 0 } }]);
	});
});
