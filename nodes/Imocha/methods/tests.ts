import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listTests } from '../api/assessment';

function matches(name: string, filter?: string): boolean {
	return !filter || name.toLowerCase().includes(filter.toLowerCase());
}

/**
 * Tests for the From List mode. iMocha has no name search on List all tests, so every page is
 * read (pageNo / pageSize until `count`) and the names are filtered here.
 */
export async function searchTests(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const tests = await listTests(this, { returnAll: true, limit: 0 });
	return {
		results: tests
			.map((test) => ({ name: String(test.testName ?? test.testId), value: String(test.testId) }))
			.filter((entry) => matches(entry.name, filter) || entry.value === filter?.trim()),
	};
}
