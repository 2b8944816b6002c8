import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listTestLinks } from '../api/assessment';

/** The links of the test currently chosen in the node's Test field. */
export async function searchTestLinks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const chosen = String(this.getCurrentNodeParameter('testId', { extractValue: true }) ?? '').trim();
	if (!/^\d+$/.test(chosen)) {
		throw new NodeOperationError(this.getNode(), 'Choose a test first', {
			description: 'Test links belong to a test: pick the test above, then its links appear here.',
		});
	}
	const wanted = filter?.trim().toLowerCase();
	const links = await listTestLinks(this, Number(chosen));
	return {
		results: links
			.map((link) => ({
				name: `${String(link.testLinkName ?? link.testLinkId)} (${[link.testLinkStatus, link.invitationType].filter(Boolean).join(', ')})`,
				value: String(link.testLinkId),
			}))
			.filter((entry) => !wanted || entry.name.toLowerCase().includes(wanted) || entry.value === wanted),
	};
}
