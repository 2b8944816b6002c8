import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listTests } from '../api/assessment';

function matches(name: string, filter?: string): boolean {
	return !filter || name.toLowerCase().includes(filter.toLowerCase());
}

export async function searchTests(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const tests = await listTests(this);
	return {
		results: tests
			.map((test) => ({ name: String(test.testName ?? test.testId), value: String(test.testId) }))
			.filter((entry) => matches(entry.name, filter) || entry.value === filter?.trim()),
	};
}
