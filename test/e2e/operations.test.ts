/**
 * Every operation of the iMocha node runs in a real n8n 2.40.7 against the sandbox: one workflow
 * per resource, started over HTTP. Each test checks what the sandbox received and what every node
 * of the run returned (read back through n8n's public API), so the node, its parameters as n8n
 * stores them, the credential and n8n's own execution engine are all exercised.
 */
import {
	ANA_SILVA_ATTEMPT,
	JAVA,
	JAVA_EMAIL_LINK,
	MAY_LEE_ATTEMPT,
	NOVEMBER,
	PYTHON,
	resourceWorkflows,
	SUPPORT,
} from '../../scripts/workflows/resources';
import { executionError, nodeOutput, SETUP_TIMEOUT_MS, startHarness, until, type Harness } from '../helpers/n8n';
import { GENERATED_WINDOW } from '../../sandbox/seed';

const CREDENTIAL = { id: 'e2eOpsCredential', name: 'iMocha sandbox (operations)' };
const workflows = resourceWorkflows(CREDENTIAL);

describe('every iMocha operation in a real n8n', () => {
	let harness: Harness;

	beforeAll(async () => {
		const all = Object.values(workflows);
		harness = await startHarness({ credential: CREDENTIAL, workflows: all, activate: all.map((workflow) => workflow.id) });
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await harness?.stop();
	}, 60_000);

	beforeEach(() => {
		harness.sandbox.requests.length = 0;
	});

	/** Starts the resource's workflow, waits for its run, and returns the HTTP answer and the run. */
	async function run(resource: keyof typeof workflows): Promise<{ response: Response; body: Buffer; execution: any }> {
		const { n8n } = harness;
		const workflow = workflows[resource];
		const url = `${n8n.baseUrl}/webhook/${(workflow.nodes[0].parameters as { path: string }).path}`;
		await n8n.waitForWebhook(url, 30_000);
		const before = new Set((await n8n.listExecutions(workflow.id)).map((execution) => execution.id));
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		const body = Buffer.from(await response.arrayBuffer());
		const finished = await until(`the ${resource} run to be stored`, async () => {
			const fresh = (await n8n.listExecutions(workflow.id)).find((execution) => !before.has(execution.id));
			return fresh?.finished || (fresh && fresh.status !== 'running' && fresh.status !== 'new') ? fresh : undefined;
		});
		const execution = await n8n.getExecution(finished.id, true);
		expect({ status: execution.status, error: executionError(execution) }).toEqual({ status: 'success', error: undefined });
		if (resource !== 'report') expectAnswered(response, body);
		return { response, body, execution };
	}

	function expectAnswered(response: Response, body: Buffer): void {
		expect({ status: response.status, body: response.status === 200 ? '' : body.toString() }).toEqual({ status: 200, body: '' });
	}

	const calls = () => harness.sandbox.requests.map((request) => `${request.method} ${request.path}`);
	const jsonOf = (execution: any, node: string) => nodeOutput(execution, node).map((item) => item.json);

	it('Invitation: invite, send reminder, cancel, reattempt, invite by test link', async () => {
		const { body, execution } = await run('invitation');

		const [invited] = jsonOf(execution, 'Invite');
		expect(invited).toMatchObject({ email: 'e2e.invite@example.com', testId: JAVA, status: 'Pending', testInvitationId: expect.any(Number) });
		const id = invited.testInvitationId;
		expect(jsonOf(execution, 'Send Reminder')).toEqual([
			expect.objectContaining({ reminded: true, testInvitationId: id, email: 'e2e.invite@example.com', endDateTime: '2030-01-31T18:00:00Z' }),
		]);
		expect(jsonOf(execution, 'Cancel')).toEqual([{ testInvitationId: id, status: 'cancelled' }]);
		expect(jsonOf(execution, 'Reattempt')).toEqual([expect.objectContaining({ testInvitationId: expect.any(Number) })]);
		const [byLink] = jsonOf(execution, 'Invite by Test Link');
		expect(byLink).toMatchObject({ email: 'e2e.link@example.com', testInvitationId: expect.any(Number) });
		expect(JSON.parse(body.toString())).toEqual([byLink]);

		expect(calls()).toEqual([
			`POST /v3/tests/${JAVA}/invite`,
			`GET /v3/reports/${id}`,
			`POST /v3/tests/${JAVA}/invite`,
			`POST /v3/invitations/${id}/cancel`,
			`POST /v3/invitations/${id}/reattempt`,
			expect.stringMatching(new RegExp(`^POST /v3/tests/${JAVA}/testlinks/${JAVA_EMAIL_LINK}/invite$`)),
		]);
		expect(harness.sandbox.requests[0].body).toStrictEqual({ email: 'e2e.invite@example.com', name: 'E2E Invite' });
		expect(harness.sandbox.requests[0].headers['x-api-key']).toBe('sandbox-key');
	});

	it('Test: get many, get, get settings, update settings', async () => {
		const { execution } = await run('test');

		expect(jsonOf(execution, 'Get Many').map((test) => test.testId)).toEqual([JAVA, PYTHON]);
		expect(jsonOf(execution, 'Get')).toEqual([
			expect.objectContaining({ testId: PYTHON, testName: 'Python Coding Challenge', testType: 'Coding', testDuration: 45 }),
		]);
		expect(Object.keys(jsonOf(execution, 'Get Settings')[0])).toEqual(expect.arrayContaining(['testSettings', 'questionSettings']));
		expect(calls()).toEqual([
			'GET /v3/tests',
			`GET /v3/tests/${PYTHON}`,
			`GET /v3/tests/${JAVA}/settings`,
			`GET /v3/tests/${PYTHON}/settings`,
			`POST /v3/tests/${PYTHON}/settings`,
		]);
		const sent = harness.sandbox.requests[4].body as { questionSettings: Record<string, number> };
		expect(sent.questionSettings).toMatchObject({ randomQuestions: 1, randomAnswers: 0 });
		expect(harness.sandbox.state.tests.find((test) => test.testId === PYTHON)?.settings.questionSettings.randomQuestions).toBe(1);
	});

	it('Test Link: get many', async () => {
		const { execution } = await run('testLink');
		const links = jsonOf(execution, 'Get Many');
		expect(links.map((link) => link.testLinkId)).toEqual(
			harness.sandbox.state.testLinks.filter((link) => link.testId === SUPPORT).map((link) => link.testLinkId),
		);
		expect(calls()).toEqual([`GET /v3/tests/${SUPPORT}/testlinks`]);
	});

	it('Report: get, get many by test, get many, and the PDF as a binary file', async () => {
		const { response, body, execution } = await run('report');

		expect(jsonOf(execution, 'Get')).toEqual([
			expect.objectContaining({ testInvitationId: MAY_LEE_ATTEMPT, candidateEmail: 'may.lee@example.com', candidatePoints: 92 }),
		]);
		const byTest = jsonOf(execution, 'Get Many by Test');
		expect(byTest).toHaveLength(3);
		expect(byTest.every((report) => report.testId === JAVA)).toBe(true);
		expect(jsonOf(execution, 'Get Many')).toHaveLength(5);

		const [pdf] = nodeOutput(execution, 'Get PDF');
		expect(pdf.json).toEqual({ testInvitationId: ANA_SILVA_ATTEMPT, fileName: `imocha-report-${ANA_SILVA_ATTEMPT}.pdf` });
		expect(pdf.binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: `imocha-report-${ANA_SILVA_ATTEMPT}.pdf` });
		expectAnswered(response, body);
		// The webhook answers with the file itself: the bytes n8n stored for the node's binary output.
		expect(response.headers.get('content-type')).toMatch(/^application\/pdf/);
		expect(body.length).toBeGreaterThan(500);
		expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(body.toString('latin1')).toContain('Ana Silva');

		expect(calls()).toEqual([
			`GET /v3/reports/${MAY_LEE_ATTEMPT}`,
			`GET /v3/tests/${JAVA}/reports`,
			'GET /v3/reports',
			`GET /v3/reports/${ANA_SILVA_ATTEMPT}/pdf`,
		]);
		expect(harness.sandbox.requests[2].query).toMatchObject({ startDate: GENERATED_WINDOW.start, endDate: GENERATED_WINDOW.end });
	});

	it('Callback: get attempts, process, replay missed', async () => {
		const { execution } = await run('callback');

		const attempts = jsonOf(execution, 'Get Attempts');
		expect(attempts.map((attempt) => attempt.testInvitationId)).toEqual(expect.arrayContaining([MAY_LEE_ATTEMPT, ANA_SILVA_ATTEMPT]));
		// No seeded attempt has a callback URL, so iMocha has nothing to replay for either.
		expect(jsonOf(execution, 'Process')).toEqual([{ successful: [], failed: [MAY_LEE_ATTEMPT, ANA_SILVA_ATTEMPT] }]);
		const [replay] = jsonOf(execution, 'Replay Missed');
		expect(replay).toMatchObject({ found: attempts.length, chunks: 1, startDateTime: NOVEMBER.start });
		expect(replay.scheduled.length + replay.failed.length).toBe(attempts.length);

		expect(calls()).toEqual([
			'POST /v3/candidates/testattempts',
			'POST /v3/callbacks/process',
			'POST /v3/candidates/testattempts',
			'POST /v3/callbacks/process',
		]);
		expect(harness.sandbox.requests[0].body).toStrictEqual({ StartDateTime: NOVEMBER.start, EndDateTime: NOVEMBER.end });
		expect(harness.sandbox.requests[1].body).toStrictEqual({ testinvitationIds: [MAY_LEE_ATTEMPT, ANA_SILVA_ATTEMPT] });
	});

	it('GDPR: mask data', async () => {
		const { execution } = await run('gdpr');
		expect(jsonOf(execution, 'Mask Data')).toEqual([{ result: 'Request accepted for processing', email: 'suhas.k@example.com' }]);
		expect(calls()).toEqual(['POST /v3/gdpr/requests']);
		expect(harness.sandbox.requests[0].body).toStrictEqual({ CandidateEmail: 'suhas.k@example.com' });
	});

	it('User: create, update, deactivate, activate', async () => {
		const { execution } = await run('user');
		expect(jsonOf(execution, 'Create')).toEqual([{ email: 'e2e.user@example.com', fullName: 'E2E User', businessunitId: 115231 }]);
		expect(jsonOf(execution, 'Update')).toEqual([{ email: 'e2e.user@example.com', businessunitId: 115232 }]);
		expect(jsonOf(execution, 'Deactivate')[0]).toMatchObject({ email: 'e2e.user@example.com' });
		expect(jsonOf(execution, 'Activate')[0]).toMatchObject({ email: 'e2e.user@example.com' });
		expect(calls()).toEqual([
			'POST /v3/accounts/user/create',
			'POST /v3/accounts/user/update',
			'POST /v3/accounts/user/status',
			'POST /v3/accounts/user/status',
		]);
		expect(harness.sandbox.requests.slice(2).map((request) => (request.body as { status: string }).status)).toEqual(['Inactive', 'Active']);
		expect(harness.sandbox.state.users.find((user) => user.email === 'e2e.user@example.com')).toMatchObject({
			businessunitId: 115232,
			status: 'Active',
		});
	});

	it('Business Unit: get many', async () => {
		const { execution } = await run('businessUnit');
		expect(jsonOf(execution, 'Get Many').map((unit) => unit.businessUnitId)).toEqual([115231, 115232, 140867]);
		expect(calls()).toEqual(['GET /v3/accounts/business-units']);
	});

	it('Timezone: get many', async () => {
		const { execution } = await run('timezone');
		expect(jsonOf(execution, 'Get Many').map((zone) => zone.timeZoneId)).toEqual([200, 1720, 1100]);
		expect(calls()).toEqual(['GET /v3/timezones']);
	});

	it('Employee: get many, get skills, upsert, update status, get certificates, get assessment report', async () => {
		const { execution } = await run('employee');
		expect(jsonOf(execution, 'Get Many')).toHaveLength(3);
		expect(jsonOf(execution, 'Get Skills')).toEqual([expect.objectContaining({ employeeId: 10003, skills: expect.any(Array) })]);
		const [enrolled] = jsonOf(execution, 'Upsert');
		expect(enrolled).toMatchObject({ employeeId: expect.any(Number) });
		expect(jsonOf(execution, 'Update Status')[0]).toBeDefined();
		expect(jsonOf(execution, 'Get Certificates')).toHaveLength(2);
		expect(jsonOf(execution, 'Get Assessment Report')).toEqual([
			expect.objectContaining({
				employeeId: enrolled.employeeId,
				assessments: [expect.objectContaining({ testInvitationId: MAY_LEE_ATTEMPT, status: 'Complete' })],
			}),
		]);
		expect(calls()).toEqual([
			'GET /si/employees/skills-profile',
			'GET /si/employees/10003/skills-profile',
			'POST /si/employees/upsert',
			'PATCH /si/employees/10002/status',
			'GET /si/employees/10004/certificates',
			`GET /si/employees/${enrolled.employeeId}/assessment-report`,
		]);
	});

	it('Job Profile: get many, get, create job code', async () => {
		const { execution } = await run('jobProfile');
		expect(jsonOf(execution, 'Get Many').map((profile) => profile.jobProfileId)).toEqual([301, 302]);
		expect(jsonOf(execution, 'Get')).toEqual([expect.objectContaining({ jobProfileId: 302, skills: expect.any(Array) })]);
		expect(jsonOf(execution, 'Create Job Code')).toEqual([{ jobCode: 'E2E-042', jobProfileId: 301, jobCodeId: expect.any(Number) }]);
		expect(calls()).toEqual(['GET /si/job-profiles', 'GET /si/job-profiles/302', 'POST /si/job-profiles/301/job-codes']);
		expect(harness.sandbox.requests[2].body).toEqual({ jobCode: 'E2E-042' });
	});

	it('Taxonomy: get skills', async () => {
		const { execution } = await run('taxonomy');
		const skills = jsonOf(execution, 'Get Skills');
		expect(skills).toHaveLength(7);
		expect(skills[0]).toMatchObject({ taxonomySkillId: 9001, name: 'Java' });
		expect(calls()).toEqual(['GET /si/taxonomy']);
	});

	it('Career Path: get', async () => {
		const { execution } = await run('careerPath');
		expect(jsonOf(execution, 'Get')).toEqual([expect.objectContaining({ employeeId: 10007, careerPaths: expect.any(Array) })]);
		expect(calls()).toEqual(['GET /si/employees/10007/career-path']);
	});

	it('Account: get validation weightages', async () => {
		const { execution } = await run('account');
		expect(jsonOf(execution, 'Get Validation Weightages')).toHaveLength(1);
		expect(calls()).toEqual(['GET /si/account/multichannel-validation-weightages']);
	});
});
