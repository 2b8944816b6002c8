import { ImochaApi } from '../../../../credentials/ImochaApi.credentials';
import { decideCallback, timedOutItem, waitTillFrom } from '../../../../nodes/Imocha/actions/invitation/waitForResult';

const body = (Status: unknown, TestInvitationId: unknown = 3314697) => ({ TestInvitationId, Status, CandidateScore: 6, TotalScore: 115 });

describe('Invite and Wait: callback decisions', () => {
	it('does not resume on "In Progress", answering 200', () => {
		expect(decideCallback(body('In Progress'))).toEqual({
			resume: false,
			httpStatus: 200,
			answer: { received: true, resumed: false, reason: 'in progress' },
		});
	});

	it.each([
		['Complete', 'complete'],
		['Terminated', 'terminated'],
		['Test Left', 'testLeft'],
		['TESTLEFT', 'testLeft'],
		['Completed', 'complete'],
	])('resumes on the final status %s', (status, event) => {
		const decision = decideCallback(body(status));
		expect(decision).toMatchObject({ resume: true, event: { status, event, isFinal: true, testInvitationId: 3314697, scorePercentage: 5.22 } });
	});

	it('reads JSON text from the raw body when the parsed body is empty', () => {
		const decision = decideCallback({}, Buffer.from(JSON.stringify(body('Complete', '42'))));
		expect(decision).toMatchObject({ resume: true, event: { testInvitationId: 42 } });
	});

	it('refuses a body without an invitation id or status with 400, without resuming', () => {
		expect(decideCallback(body('Complete', 'abc'))).toMatchObject({ resume: false, httpStatus: 400 });
		expect(decideCallback(body(undefined))).toMatchObject({ resume: false, httpStatus: 400 });
		expect(decideCallback('not json')).toMatchObject({ resume: false, httpStatus: 400 });
	});

	it('keeps waiting on an unknown status, with a warning for the log', () => {
		const decision = decideCallback(body('Reviewed'));
		expect(decision).toMatchObject({ resume: false, httpStatus: 200, warning: expect.stringMatching(/unknown status "Reviewed"/) });
	});

	it('builds a timed-out item that names the invitation and leaves out what is unknown', () => {
		const item = timedOutItem({ testInvitationId: 7, testId: 9, waitTill: new Date('2030-01-01T00:00:00Z') });
		expect(item.json).toEqual({
			status: 'timedOut',
			timedOut: true,
			isFinal: false,
			testInvitationId: 7,
			testId: 9,
			waitedUntil: '2030-01-01T00:00:00.000Z',
			message: expect.any(String),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('computes the time limit in minutes, hours and days', () => {
		expect(waitTillFrom(0, 1.5, 'minutes').getTime()).toBe(90_000);
		expect(waitTillFrom(0, 2, 'hours').getTime()).toBe(7_200_000);
		expect(waitTillFrom(0, 7, 'days').getTime()).toBe(604_800_000);
	});
});

describe('credential as a predefined credential of the HTTP Request node', () => {
	it('declares httpRequestNode with a docs URL and the documented base URL as placeholder', () => {
		expect(new ImochaApi().httpRequestNode).toEqual({
			name: 'iMocha',
			docsUrl: 'https://developer.imocha.io/',
			apiBaseUrlPlaceholder: 'https://apiv3.imocha.io/v3/',
		});
	});
});
