import { NodeOperationError } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { runImocha, testSandbox } from '../../helpers/runNode';

/**
 * Date-times without a zone are read in the workflow time zone (n8n's convention for its own
 * date-time fields), and reach iMocha as UTC with Z; values with Z or an offset are kept.
 */
const JAVA = 1134601;
const byId = (value: number | string) => ({ mode: 'id', value: String(value) });

describe('date-times follow the workflow time zone', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await testSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	const invite = (email: string, additionalFields: Record<string, unknown>) => ({
		resource: 'invitation',
		operation: 'invite',
		testId: byId(JAVA),
		candidateEmail: email,
		candidateName: 'Asha Rao',
		additionalFields,
	});

	it('Invite: 12:00 in Asia/Kolkata is sent as 06:30Z (the issue example); a value with an offset is kept', async () => {
		await runImocha(sandbox, {
			timezone: 'Asia/Kolkata',
			parameters: invite('asha.rao@example.com', {
				startDateTime: '2026-06-16T12:00:00',
				endDateTime: '2026-06-20T18:00:00+02:00',
			}),
		});
		expect(sandbox.requests[0].body).toMatchObject({
			startDateTime: '2026-06-16T06:30:00Z',
			endDateTime: '2026-06-20T16:00:00Z',
		});
	});

	it('Invite: a summer date in America/New_York uses daylight time, a winter one standard time', async () => {
		await runImocha(sandbox, {
			timezone: 'America/New_York',
			parameters: invite('dst.check@example.com', { startDateTime: '2026-07-01T09:00:00', endDateTime: '2026-12-01T09:00:00' }),
		});
		expect(sandbox.requests[0].body).toMatchObject({ startDateTime: '2026-07-01T13:00:00Z', endDateTime: '2026-12-01T14:00:00Z' });
	});

	it('Reattempt sends its window in UTC from the workflow zone', async () => {
		const [created] = await runImocha(sandbox, { parameters: invite('re.zone@example.com', {}) });
		sandbox.requests.length = 0;
		await runImocha(sandbox, {
			timezone: 'Europe/Berlin',
			parameters: {
				resource: 'invitation',
				operation: 'reattempt',
				testInvitationId: String(created.json.testInvitationId),
				additionalFields: { startDateTime: '2026-01-10T08:00:00', endDateTime: '2026-01-12T08:00:00Z' },
			},
		});
		expect(sandbox.requests[0].body).toMatchObject({ StartDateTime: '2026-01-10T07:00:00Z', EndDateTime: '2026-01-12T08:00:00Z' });
	});

	it('Send Reminder sends Access From / Access Until in UTC from the workflow zone', async () => {
		const [created] = await runImocha(sandbox, { parameters: invite('remind.zone@example.com', {}) });
		sandbox.requests.length = 0;
		await runImocha(sandbox, {
			timezone: 'Asia/Kolkata',
			parameters: {
				resource: 'invitation',
				operation: 'sendReminder',
				testInvitationId: String(created.json.testInvitationId),
				candidateName: 'Asha Rao',
				endDateTime: '2030-01-31T18:00:00',
				reminderFields: { startDateTime: '2030-01-01T09:00:00' },
			},
		});
		const inviteCall = sandbox.requests.find((request) => request.path.endsWith('/invite'));
		expect(inviteCall?.body).toMatchObject({ startDateTime: '2030-01-01T03:30:00Z', endDateTime: '2030-01-31T12:30:00Z' });
	});

	it('Report > Get Many sends its date range in UTC from the workflow zone', async () => {
		await runImocha(sandbox, {
			timezone: 'Asia/Tokyo',
			parameters: { resource: 'report', operation: 'getMany', limit: 1, filters: { startDate: '2025-01-01T09:00:00', endDate: '2025-01-02T09:00:00' } },
		});
		expect(sandbox.requests[0].query).toMatchObject({ startDate: '2025-01-01T00:00:00Z', endDate: '2025-01-02T00:00:00Z' });
	});

	it('Callback > Get Attempts sends its range in UTC from the workflow zone', async () => {
		await runImocha(sandbox, {
			timezone: 'America/Sao_Paulo',
			parameters: {
				resource: 'callback',
				operation: 'getAttempts',
				returnAll: true,
				startDateTime: '2026-11-01T00:00:00',
				endDateTime: '2026-11-30T21:00:00',
			},
		});
		expect(sandbox.requests[0].body).toStrictEqual({ StartDateTime: '2026-11-01T03:00:00Z', EndDateTime: '2026-12-01T00:00:00Z' });
	});

	it('Employee > Get Many sends "Modified Since" in UTC from the workflow zone', async () => {
		await runImocha(sandbox, {
			timezone: 'Asia/Kolkata',
			parameters: { resource: 'employee', operation: 'getMany', limit: 1, filters: { modifiedSince: '2025-08-01T05:30:00' } },
		});
		expect(sandbox.requests[0].query).toMatchObject({ SkillProfileModifiedSince: '2025-08-01T00:00:00Z' });
	});

	it('says which zone it read a bad value in, before any request', async () => {
		const run = runImocha(sandbox, {
			timezone: 'Asia/Kolkata',
			parameters: invite('bad.zone@example.com', { startDateTime: '16/06/2026 12:00' }),
		});
		await expect(run).rejects.toThrow(NodeOperationError);
		await expect(run).rejects.toMatchObject({ description: expect.stringContaining('Asia/Kolkata') });
		expect(sandbox.requests).toHaveLength(0);
	});
});
