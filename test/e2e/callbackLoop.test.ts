/**
 * The full loop in a real n8n: a workflow invites a candidate with the iMocha Trigger as callback
 * target, the sandbox plays the candidate and posts iMocha's callbacks to n8n, and exactly one
 * run of the trigger workflow follows. Then the trigger's guards (secret, de-duplication) and its
 * lifecycle through n8n's public API (deactivate, activate).
 */
import { playCandidate } from '../../sandbox/candidate';
import type { Invitation } from '../../sandbox/state';
import { invitingWorkflow, TRIGGER_PATH, triggerWorkflow } from './callbackLoop.workflows';
import { CALLBACK_SECRET, nodeOutput, SETUP_TIMEOUT_MS, sleep, startHarness, until, type Harness } from '../helpers/n8n';
import { JAVA } from '../../scripts/workflows/resources';

const CREDENTIAL = { id: 'e2eLoopCredentia', name: 'iMocha sandbox (loop)' };
const EMAIL = 'loop.candidate@example.com';
const TRIGGER = triggerWorkflow(CREDENTIAL);
const INVITE = invitingWorkflow(CREDENTIAL, EMAIL);
/** Time for a callback that wrongly started a run to show up in the executions list. */
const SETTLE_MS = 2_000;

describe('invite -> candidate -> callback -> iMocha Trigger, in a real n8n', () => {
	let harness: Harness;
	let invitation: Invitation;

	beforeAll(async () => {
		harness = await startHarness({ credential: CREDENTIAL, workflows: [TRIGGER, INVITE], activate: [TRIGGER.id, INVITE.id] });
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await harness?.stop();
	}, 60_000);

	const triggerUrl = (token?: string) =>
		`${harness.n8n.baseUrl}/webhook/${TRIGGER_PATH}${token === undefined ? '' : `?token=${token}`}`;
	const triggerRuns = () => harness.n8n.listExecutions(TRIGGER.id);
	const postCallback = (url: string, payload: unknown) =>
		fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
	const completePayload = () => harness.sandbox.state.callbacks.find((entry) => entry.payload.Status === 'Complete')!.payload;

	it('an invitation sent by a workflow carries the trigger URL with the secret', async () => {
		const { n8n, sandbox } = harness;
		const inviteUrl = `${n8n.baseUrl}/webhook/e2e-loop-invite`;
		await n8n.waitForWebhook(inviteUrl, 30_000);
		await n8n.waitForWebhook(triggerUrl(), 30_000);
		const response = await fetch(inviteUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const [invited] = (await response.json()) as Array<{ testInvitationId: number; status: string }>;
		expect(invited).toMatchObject({ testId: JAVA, status: 'Pending', email: EMAIL });

		invitation = sandbox.state.invitations.find((entry) => entry.testInvitationId === invited.testInvitationId)!;
		expect(invitation.callbackUrl).toBe(`http://127.0.0.1:${n8n.port}/webhook/${TRIGGER_PATH}?token=${CALLBACK_SECRET}`);
		expect(await triggerRuns()).toEqual([]);
	}, 60_000);

	it('In Progress then Complete start exactly one run, with the Complete payload', async () => {
		const started = await playCandidate(harness.sandbox.state, invitation.testInvitationId, 'In Progress');
		expect(started?.delivered).toBe(true);
		const finished = await playCandidate(harness.sandbox.state, invitation.testInvitationId, 'Complete', 92);
		expect(finished?.delivered).toBe(true);

		const [run] = await until('the trigger run', async () => {
			const runs = await triggerRuns();
			return runs.length && runs.every((entry) => entry.status === 'success') ? runs : undefined;
		});
		await sleep(SETTLE_MS);
		expect((await triggerRuns()).map((entry) => entry.id)).toEqual([run.id]);

		const [item] = nodeOutput(await harness.n8n.getExecution(run.id, true), 'iMocha Trigger');
		expect(item.json).toMatchObject({
			testInvitationId: invitation.testInvitationId,
			status: 'Complete',
			event: 'complete',
			isFinal: true,
			CandidateEmailId: EMAIL,
			CandidateScore: 92,
			TotalScore: 115,
		});
		// Both callbacks reached n8n on the first try (In Progress was answered 200 and filtered out).
		expect(harness.sandbox.state.callbacks.map((entry) => [entry.payload.Status, entry.attempts, entry.lastStatus])).toEqual([
			['In Progress', 1, 200],
			['Complete', 1, 200],
		]);
	}, 60_000);

	it('a callback without the secret, or with a wrong one, is refused and starts nothing', async () => {
		const missing = await postCallback(triggerUrl(), completePayload());
		expect(missing.status).toBe(401);
		const wrong = await postCallback(triggerUrl('guess'), completePayload());
		expect(wrong.status).toBe(401);
		await sleep(SETTLE_MS);
		expect(await triggerRuns()).toHaveLength(1);
	}, 30_000);

	it('a repeated callback is acknowledged and starts nothing', async () => {
		const again = await postCallback(triggerUrl(CALLBACK_SECRET), completePayload());
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ received: true, started: false, reason: 'duplicate' });
		await sleep(SETTLE_MS);
		expect(await triggerRuns()).toHaveLength(1);
	}, 30_000);

	it('deactivating and activating through the public API runs the trigger lifecycle', async () => {
		const { n8n } = harness;
		const validatedUrl = `http://127.0.0.1:${n8n.port}/webhook/${TRIGGER_PATH}`;
		// The trigger's create()/delete() record the URL they validated in the node's static data,
		// which n8n saves just after the API call returns.
		const validated = (expected: string | undefined) =>
			until(`the trigger's static data to hold validatedUrl=${expected}`, async () => {
				const workflow = await n8n.api('GET', `/workflows/${TRIGGER.id}`);
				const actual = workflow.staticData?.['node:iMocha Trigger']?.validatedUrl;
				return actual === expected ? true : undefined;
			}, 10_000);
		await validated(validatedUrl);

		await n8n.deactivate(TRIGGER.id);
		await validated(undefined);
		const whileInactive = await postCallback(triggerUrl(CALLBACK_SECRET), completePayload());
		expect(whileInactive.status).toBe(404);

		await n8n.activate(TRIGGER.id);
		await validated(validatedUrl);
		await n8n.waitForWebhook(triggerUrl(), 15_000);
		const afterwards = await postCallback(triggerUrl(CALLBACK_SECRET), completePayload());
		expect(afterwards.status).toBe(200);
		// The run that emitted it claimed the key in n8n's store and in this process, which the round trip keeps.
		expect(await afterwards.json()).toMatchObject({ received: true, started: false, reason: 'duplicate' });
		await sleep(SETTLE_MS);
		expect(await triggerRuns()).toHaveLength(1);
	}, 60_000);
});
