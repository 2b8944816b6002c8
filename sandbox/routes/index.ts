import type { Router } from '../router';
import type { SandboxState } from '../state';
import { registerAccountRoutes } from './accounts';
import { registerCallbackApiRoutes } from './callbackApi';
import { registerGdprRoutes } from './gdpr';
import { registerIntelligenceRoutes } from './intelligence';
import { registerInvitationRoutes } from './invitations';
import { registerReportRoutes } from './reports';
import { registerTestLinkRoutes } from './testLinks';
import { registerTestRoutes } from './tests';
import { registerTimezoneRoutes } from './timezones';
import { registerUserRoutes } from './users';

/** Every iMocha endpoint the sandbox serves; one module per area of the reference. */
export function registerRoutes(router: Router, state: SandboxState): Router {
	registerTestRoutes(router, state);
	registerTestLinkRoutes(router, state);
	registerInvitationRoutes(router, state);
	registerReportRoutes(router, state);
	registerCallbackApiRoutes(router, state);
	registerGdprRoutes(router, state);
	registerTimezoneRoutes(router, state);
	registerAccountRoutes(router, state);
	registerUserRoutes(router, state);
	registerIntelligenceRoutes(router, state);
	return router;
}
