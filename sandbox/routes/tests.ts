import { json, type Router } from '../router';
import type { SandboxState } from '../state';

/** Reference §3 (Test). */
export function registerTestRoutes(router: Router, state: SandboxState): void {
	router.on('GET', '/v3/tests', () =>
		json(200, {
			tests: state.tests.map(({ testId, testName, testType, testDuration }) => ({ testId, testName, testType, testDuration })),
		}),
	);
}
