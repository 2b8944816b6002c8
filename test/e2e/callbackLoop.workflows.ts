/** The two workflows of the full loop: one invites with the trigger as callback target, one is the trigger. */
import { JAVA } from '../../scripts/workflows/resources';
import { byId, chainWorkflow, type CredentialRef } from '../../scripts/workflows/chain';

export const TRIGGER_PATH = 'imocha-callbacks';

export function triggerWorkflow(credential: CredentialRef) {
	return {
		id: 'e2eLoopTrigger01',
		name: 'e2e loop: iMocha Trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '7a1c0f3e-2b4d-4e6f-8a0b-1c2d3e4f0001',
				name: 'iMocha Trigger',
				type: 'n8n-nodes-imocha.imochaTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: '7a1c0f3e-2b4d-4e6f-8a0b-1c2d3e4f0002',
				// Statuses left at their default: Complete, Terminated, Test Left (not In Progress).
				parameters: { path: TRIGGER_PATH, filters: {}, options: {} },
				credentials: { imochaApi: credential },
			},
		],
		connections: {},
	};
}

export function invitingWorkflow(credential: CredentialRef, candidateEmail: string) {
	return chainWorkflow({
		id: 'e2eLoopInvite001',
		name: 'e2e loop: invite with the trigger as callback target',
		path: 'e2e-loop-invite',
		credential,
		steps: [
			{
				name: 'Invite',
				parameters: {
					resource: 'invitation',
					operation: 'invite',
					testId: byId(JAVA),
					candidateEmail,
					candidateName: 'Loop Candidate',
					callbackTarget: 'trigger',
				},
			},
		],
	});
}
