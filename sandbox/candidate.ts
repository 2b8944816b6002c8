import { deliverCallback } from './callbacks';
import type { Invitation, InvitationStatus, SandboxState } from './state';

const FINAL: InvitationStatus[] = ['Complete', 'Terminated', 'Test Left'];

/**
 * Plays the candidate: moves an invitation to a new status the way iMocha would, and posts the
 * callback when the invitation carries a URL. Returns undefined for an unknown invitation.
 */
export async function playCandidate(
	state: SandboxState,
	testInvitationId: number,
	status: InvitationStatus,
	points?: number,
): Promise<{ invitation: Invitation; delivered: boolean } | undefined> {
	const invitation = state.invitations.find((entry) => entry.testInvitationId === testInvitationId);
	if (!invitation) return undefined;
	const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	invitation.status = status;
	invitation.updatedAt = now;
	if (status === 'In Progress') invitation.attemptedOn = now;
	if (FINAL.includes(status)) {
		invitation.totalTestPoints = 115;
		invitation.candidatePoints = points ?? 87;
		invitation.performanceCategory =
			invitation.candidatePoints > 80 ? 'Expert' : invitation.candidatePoints > 50 ? 'Intermediate' : 'Beginner';
	}
	const delivered = await deliverCallback(state, invitation);
	return { invitation, delivered };
}
