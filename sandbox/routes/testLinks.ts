import { json, type Router } from '../router';
import type { SandboxState } from '../state';
import { findTest, testNotFound } from './tests';

/** https://developer.imocha.io/list-all-test-links-18117829e0: the whole list, no paging. */
export function registerTestLinkRoutes(router: Router, state: SandboxState): void {
	router.on('GET', '/v3/tests/:testId/testlinks', ({ params }) => {
		const test = findTest(state, params.testId);
		if (!test) return testNotFound(params.testId);
		return json(200, { testLinks: state.testLinks.filter((link) => link.testId === test.testId) });
	});
}
