/**
 * In a real n8n whose webhook prefix is not the default (N8N_ENDPOINT_WEBHOOK=hooks): an
 * invitation carries the URL n8n really serves, the played candidate starts exactly one trigger
 * run, and callbacks posted the way people post them (curl -d: JSON labelled as a form, or no
 * content type; form fields; scores as text) start runs, while a body that is no callback gets 400.
 */
import { playCandidate } from '../../sandbox/candidate';
import { chainWorkflow } from '../../scripts/workflows/chain';
import { invitingWorkflow, TRIGGER_PATH, triggerWorkflow } from './callbackLoop.workflows';
import { CALLBACK_SECRET, nodeOutput, SETUP_TIMEOUT_MS, sleep, startHarness, until, type Harness } from '../helpers/n8n';

const CREDENTIAL = { id: 'e2eFieldCredenti', name: 'iMocha sandbox (field)' };
const EMAIL = 'prefix.candidate@example.com';
const PREFIX = 'hooks';
const TRIGGER = triggerWorkflow(CREDENTIAL);
const INVITE = invitingWorkflow(CREDENTIAL, EMAIL);
const FORM_PATH = 'imocha-form-callbacks';
/**
 * A second trigger with a Minimum Score filter, for callbacks in the shapes senders use, at the
 * node version the editor adds (1.1: n8n leaves bodies with no content type unread; the first
 * trigger keeps version 1, whose bodies n8n reads whatever their type).
 */
const FORM_TRIGGER = {
	...TRIGGER,
	id: 'e2eFieldTrigger1',
	name: 'e2e field: iMocha Trigger with a minimum score',
	nodes: TRIGGER.nodes.map((node) => ({
		...node,
		typeVersion: 1.1,
		id: '7a1c0f3e-2b4d-4e6f-8a0b-1c2d3e4f0101',
		webhookId: '7a1c0f3e-2b4d-4e6f-8a0b-1c2d3e4f0102',
		parameters: { ...node.parameters, path: FORM_PATH, filters: { minScorePercentage: 75 } },
	})),
};
const SETTLE_MS = 2_000;
/** A finished attempt the sandbox seeds: a reattempt opens a new invitation. */
const FINISHED_INVITATION = 2655161;
const REATTEMPT = chainWorkflow({
	id: 'e2eFieldReattemp',
	name: 'e2e field: reattempt with no optional field',
	path: 'e2e-field-reattempt',
	credential: CREDENTIAL,
	steps: [{ name: 'Reattempt', parameters: { resource: 'invitation', operation: 'reattempt', testInvitationId: String(FINISHED_INVITATION) } }],
});

describe('a non-default webhook prefix and real-world callback shapes, in a real n8n', () => {
	let harness: Harness;
	const url = (path: string) => `${harness.n8n.baseUrl}/${PREFIX}/${path}?token=${CALLBACK_SECRET}`;
	const runsOf = (workflowId: string) => harness.n8n.listExecutions(workflowId);
	const post = (path: string, body: string | Uint8Array, contentType?: string) =>
		fetch(url(path), { method: 'POST', headers: contentType ? { 'Content-Type': contentType } : {}, body });

	beforeAll(async () => {
		harness = await startHarness({
			credential: CREDENTIAL,
			workflows: [TRIGGER, FORM_TRIGGER, INVITE, REATTEMPT],
			activate: [TRIGGER.id, FORM_TRIGGER.id, INVITE.id, REATTEMPT.id],
			extraEnv: { N8N_ENDPOINT_WEBHOOK: PREFIX },
		});
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await harness?.stop();
	}, 60_000);

	it('invite -> played candidate -> exactly one trigger run, under the /hooks/ prefix', async () => {
		const { n8n, sandbox } = harness;
		const inviteUrl = `${n8n.baseUrl}/${PREFIX}/e2e-loop-invite`;
		await n8n.waitForWebhook(inviteUrl, 30_000);
		await n8n.waitForWebhook(`${n8n.baseUrl}/${PREFIX}/${TRIGGER_PATH}`, 30_000);
		const response = await fetch(inviteUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const [invited] = (await response.json()) as Array<{ testInvitationId: number }>;
		const invitation = sandbox.state.invitations.find((entry) => entry.testInvitationId === invited.testInvitationId)!;
		expect(invitation.callbackUrl).toBe(`http://127.0.0.1:${n8n.port}/${PREFIX}/${TRIGGER_PATH}?token=${CALLBACK_SECRET}`);

		expect((await playCandidate(sandbox.state, invitation.testInvitationId, 'In Progress'))?.delivered).toBe(true);
		expect((await playCandidate(sandbox.state, invitation.testInvitationId, 'Complete', 92))?.delivered).toBe(true);
		const [run] = await until('the trigger run', async () => {
			const runs = await runsOf(TRIGGER.id);
			return runs.length && runs.every((entry) => entry.status === 'success') ? runs : undefined;
		});
		await sleep(SETTLE_MS);
		expect((await runsOf(TRIGGER.id)).map((entry) => entry.id)).toEqual([run.id]);
		const [item] = nodeOutput(await n8n.getExecution(run.id, true), 'iMocha Trigger');
		expect(item.json).toMatchObject({ testInvitationId: invitation.testInvitationId, event: 'complete', attemptedOnUtc: expect.stringMatching(/Z$/) });
	}, 90_000);

	it('JSON posted as a form (curl -d), with scores as text, passes the Minimum Score filter and starts a run', async () => {
		await harness.n8n.waitForWebhook(`${harness.n8n.baseUrl}/${PREFIX}/${FORM_PATH}`, 30_000);
		const body = '{"TestInvitationId":2655161,"Status":"Complete","CandidateScore":"92","TotalScore":"115","AttemptedOnUtc":"2020-10-09T13:21:53"}';
		const response = await post(FORM_PATH, body, 'application/x-www-form-urlencoded');
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ received: true, started: true });
		const [run] = await until('the run for the form-labelled JSON', async () => {
			const runs = await runsOf(FORM_TRIGGER.id);
			return runs.length && runs.every((entry) => entry.status === 'success') ? runs : undefined;
		});
		const [item] = nodeOutput(await harness.n8n.getExecution(run.id, true), 'iMocha Trigger');
		expect(item.json).toMatchObject({ testInvitationId: 2655161, CandidateScore: 92, scorePercentage: 80, attemptedOnUtc: '2020-10-09T13:21:53Z' });
	}, 60_000);

	it('JSON without a content type and form-encoded fields start runs too', async () => {
		const bare = await post(FORM_PATH, new TextEncoder().encode('{"TestInvitationId":2655162,"Status":"Complete","CandidateScore":90,"TotalScore":100}'));
		expect(bare.status).toBe(200);
		expect(await bare.json()).toMatchObject({ started: true });
		const form = await post(FORM_PATH, 'TestInvitationId=2655163&Status=Test+Left&CandidateScore=80&TotalScore=100', 'application/x-www-form-urlencoded');
		expect(form.status).toBe(200);
		expect(await form.json()).toMatchObject({ started: true });
		const runs = await until('three runs', async () => {
			const all = await runsOf(FORM_TRIGGER.id);
			return all.length === 3 && all.every((entry) => entry.status === 'success') ? all : undefined;
		});
		const ids = await Promise.all(runs.map(async (run) => nodeOutput(await harness.n8n.getExecution(run.id, true), 'iMocha Trigger')[0].json.testInvitationId));
		expect(ids.sort()).toEqual([2655161, 2655162, 2655163]);
	}, 60_000);

	it('a body that is not a callback gets 400 and starts no run, in either shape', async () => {
		const form = await post(FORM_PATH, 'name=Someone&email=someone%40example.com', 'application/x-www-form-urlencoded');
		expect(form.status).toBe(400);
		const text = await post(FORM_PATH, 'hello', 'text/plain');
		expect(text.status).toBe(400);
		await sleep(SETTLE_MS);
		expect(await runsOf(FORM_TRIGGER.id)).toHaveLength(3);
	}, 30_000);

	it('Reattempt with no optional field sends {} as application/json through n8n\'s HTTP helper', async () => {
		const { n8n, sandbox } = harness;
		const url = `${n8n.baseUrl}/${PREFIX}/e2e-field-reattempt`;
		await n8n.waitForWebhook(url, 30_000);
		sandbox.requests.length = 0;
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const [request] = sandbox.requests.filter((entry) => entry.path === `/v3/invitations/${FINISHED_INVITATION}/reattempt`);
		expect(request).toMatchObject({ method: 'POST', rawBody: '{}' });
		expect(request.headers['content-type']).toMatch(/^application\/json/);
	}, 60_000);
});
