import type { Invitation, SandboxState } from './state';

/** The documented payload (https://developer.imocha.io/callback-notification-1174961m0), scores zero while In Progress. */
export function callbackPayload(invitation: Invitation): Record<string, unknown> {
	const finished = invitation.status !== 'In Progress';
	const attempted = new Date(invitation.attemptedOn ?? invitation.updatedAt);
	return {
		CandidateEmailId: invitation.email,
		AttemptedOn: displayTime(attempted),
		TotalScore: finished ? (invitation.totalTestPoints ?? 0) : 0,
		CandidateScore: finished ? (invitation.candidatePoints ?? 0) : 0,
		ReportPDFUrl: finished ? `https://app.imocha.io/PDFReport?id=${invitation.testInvitationId}` : null,
		TestInvitationId: invitation.testInvitationId,
		Status: invitation.status,
		AttemptedOnUtc: attempted.toISOString().slice(0, 19),
		PerformanceCategory: finished ? (invitation.performanceCategory ?? null) : null,
	};
}

function displayTime(date: Date): string {
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const hours = date.getUTCHours();
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${pad(date.getUTCDate())}-${months[date.getUTCMonth()]}-${date.getUTCFullYear()} ${pad(hours % 12 || 12)}:${pad(
		date.getUTCMinutes(),
	)} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** iMocha sends once and, when the endpoint fails, retries 5 times back-to-back. */
export const CALLBACK_RETRIES = 5;

export async function deliverCallback(state: SandboxState, invitation: Invitation): Promise<boolean> {
	if (!invitation.callbackUrl) return false;
	const delivery = {
		url: invitation.callbackUrl,
		payload: callbackPayload(invitation),
		attempts: 0,
		delivered: false,
		lastStatus: undefined as number | undefined,
	};
	state.callbacks.push(delivery);
	for (let attempt = 0; attempt <= CALLBACK_RETRIES && !delivery.delivered; attempt++) {
		delivery.attempts += 1;
		try {
			const response = await fetch(delivery.url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(delivery.payload),
				signal: AbortSignal.timeout(10_000),
			});
			delivery.lastStatus = response.status;
			await response.arrayBuffer();
			delivery.delivered = response.ok;
		} catch {
			delivery.lastStatus = 0;
		}
	}
	return delivery.delivered;
}
