import { json, type Router } from '../router';
import type { SandboxState } from '../state';

/** Reference §9 (Users). */
export function registerAccountRoutes(router: Router, state: SandboxState): void {
	router.on('GET', '/v3/accounts/business-units', () =>
		json(200, { businessUnits: state.businessUnits, count: state.businessUnits.length }),
	);
}
