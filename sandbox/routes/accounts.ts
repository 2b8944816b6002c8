import { json, type Router } from '../router';
import type { SandboxState } from '../state';

/** https://developer.imocha.io/get-all-business-units-18160806e0 (Users). */
export function registerAccountRoutes(router: Router, state: SandboxState): void {
	router.on('GET', '/v3/accounts/business-units', () =>
		json(200, { businessUnits: state.businessUnits, count: state.businessUnits.length }),
	);
}
