import { errorsBody, json, type Router } from '../router';
import type { SandboxState } from '../state';

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export const noRecords = (email: string) => `No records found for given Email address: ${email}`;

/**
 * https://developer.imocha.io/api/gdpr-process. iMocha masks in the background; the sandbox masks at once, so that a second
 * request for the same candidate finds no records, as it would once iMocha is done.
 */
export function registerGdprRoutes(router: Router, state: SandboxState): void {
	router.on('POST', '/v3/gdpr/requests', ({ body }) => {
		const email = body?.CandidateEmail;
		// Only the "no records" message is documented; these two are inferred.
		if (typeof email !== 'string' || !email.trim()) return errorsBody(400, "'Candidate Email' must not be empty.");
		if (!EMAIL.test(email.trim())) return errorsBody(400, 'Email address is in invalid format');
		const invitationId = body.testinvitationId;
		if (invitationId !== undefined && !Number.isInteger(invitationId)) {
			return errorsBody(400, "'testinvitationId' must be an integer.");
		}
		const matching = state.invitations.filter(
			(entry) =>
				entry.email.toLowerCase() === email.trim().toLowerCase() &&
				(invitationId === undefined || entry.testInvitationId === invitationId),
		);
		if (!matching.length) return errorsBody(400, noRecords(email));
		state.gdprRequests.push({
			CandidateEmail: email,
			...(invitationId !== undefined ? { testinvitationId: invitationId } : {}),
			at: new Date().toISOString(),
		});
		for (const entry of matching) {
			entry.email = `masked-${entry.testInvitationId}@masked.invalid`;
			entry.name = 'Masked';
		}
		return json(200, { result: 'Request accepted for processing' });
	});
}
