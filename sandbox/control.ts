import { playCandidate } from './candidate';
import type { Faults, ScriptedFault } from './faults';
import { json, statusMessage, type RecordedRequest, type Router } from './router';
import type { InvitationStatus, SandboxState } from './state';

/**
 * Endpoints under /__sandbox/ for tests, benchmarks and newcomers: they need no API key and are
 * never subject to faults. They are not part of iMocha.
 */
export function registerControl(
	router: Router,
	sandbox: { state: SandboxState; faults: Faults; requests: RecordedRequest[] },
): void {
	const { state, faults, requests } = sandbox;
	router
		.on('GET', '/__sandbox/health', () => json(200, { ok: true }))
		.on('GET', '/__sandbox/requests', () => json(200, requests))
		.on('DELETE', '/__sandbox/requests', () => {
			requests.length = 0;
			return json(200, { cleared: true });
		})
		.on('POST', '/__sandbox/faults', ({ body }) => {
			if (body?.reset) faults.reset();
			const config = { ...(body ?? {}) };
			delete config.reset;
			faults.configure(config);
			return json(200, faults.config);
		})
		.on('POST', '/__sandbox/faults/inject', ({ body }) => {
			if (typeof body?.match !== 'string' || !body?.fault) return statusMessage(400, 'Send {match, fault, times}');
			faults.inject(new RegExp(body.match), body.fault as ScriptedFault, Number(body.times ?? 1));
			return json(200, { injected: true });
		})
		.on('GET', '/__sandbox/state', () =>
			json(200, {
				invitations: state.invitations,
				callbacks: state.callbacks,
				gdprRequests: state.gdprRequests,
				users: state.users,
				extra: state.extra,
			}),
		)
		.on('POST', '/__sandbox/invitations/:id/status', async ({ params, body }) => {
			const played = await playCandidate(state, Number(params.id), body?.status as InvitationStatus, body?.points);
			return played ? json(200, played) : statusMessage(404, 'No such invitation');
		});
}
