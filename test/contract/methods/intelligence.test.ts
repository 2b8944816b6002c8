import type { INodeListSearchResult } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { createLoadOptionsContext } from '../../helpers/context';
import { imochaNode, sandboxCredentials } from '../../helpers/runNode';
import { received, si, useSandbox } from '../../helpers/intelligence';

type Search = (this: unknown, filter?: string, token?: string) => Promise<INodeListSearchResult>;

function search(sandbox: Sandbox, name: 'searchEmployees' | 'searchJobProfiles', filter?: string, token?: string) {
	const context = createLoadOptionsContext({
		parameters: { resource: 'employee', operation: 'getSkills' },
		credentials: sandboxCredentials(sandbox),
		properties: imochaNode.description.properties,
	});
	return (imochaNode.methods.listSearch[name] as Search).call(context, filter, token);
}

describe('Skills Intelligence pickers', () => {
	const sandbox = useSandbox();

	it('lists employees a page at a time, with a token for the next page', async () => {
		const first = await search(sandbox(), 'searchEmployees');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const employee = si(sandbox()).employees[0];
		expect(first.results[0]).toEqual({ name: `${employee.fullName} (${employee.email})`, value: String(employee.employeeId) });

		const second = await search(sandbox(), 'searchEmployees', undefined, first.paginationToken as string);
		expect(second.paginationToken).toBeUndefined();
		const values = [...first.results, ...second.results].map((entry) => entry.value);
		expect(new Set(values).size).toBe(si(sandbox()).employees.length);
		expect(received(sandbox())).toEqual([
			{ method: 'GET', path: '/si/employees/skills-profile', query: { pageNumber: '1', pageSize: '100' } },
			{ method: 'GET', path: '/si/employees/skills-profile', query: { pageNumber: '2', pageSize: '100' } },
		]);
	});

	it('lets iMocha search employees through searchText', async () => {
		const found = await search(sandbox(), 'searchEmployees', ' okafor ');
		expect(sandbox().requests[0].query).toEqual({ pageNumber: '1', pageSize: '100', searchText: 'okafor' });
		expect(found.results.length).toBeGreaterThan(0);
		for (const entry of found.results) expect(entry.name).toMatch(/Okafor/);
	});

	it('lists job profiles by name, filtered by the typed text', async () => {
		const found = await search(sandbox(), 'searchJobProfiles', 'data');
		expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/job-profiles', query: { PageNumber: '1', PageSize: '100' } }]);
		expect(found).toEqual({ results: [{ name: 'Data Analyst', value: '302' }] });
	});

	it('offers the pickers in the Employee and Job Profile fields', () => {
		const modesOf = (name: string) =>
			imochaNode.description.properties
				.filter((property) => property.name === name)
				.map((property) => property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod);
		expect(new Set(modesOf('employeeId'))).toEqual(new Set(['searchEmployees']));
		expect(new Set(modesOf('jobProfileId'))).toEqual(new Set(['searchJobProfiles']));
	});
});
