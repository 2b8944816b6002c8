import type { Router } from '../router';
import type { SandboxState } from '../state';
import { registerAccountRoutes } from './accounts';
import { registerTestRoutes } from './tests';

/** Every iMocha endpoint the sandbox serves; one module per area of the reference. */
export function registerRoutes(router: Router, state: SandboxState): Router {
	registerTestRoutes(router, state);
	registerAccountRoutes(router, state);
	return router;
}
