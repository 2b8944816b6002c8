import { json, type Router } from '../router';
import type { SandboxState } from '../state';

/** README.md "Unverified": page unavailable; path and `{ timezones: [...] }` are the connector's assumption. */
export function registerTimezoneRoutes(router: Router, state: SandboxState): void {
	router.on('GET', '/v3/timezones', () => json(200, { timezones: state.timezones }));
}
