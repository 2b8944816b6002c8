import { parseCallback } from '../../../nodes/Imocha/callbacks/event';
import { SAMPLE_COMPLETE } from '../../../nodes/Imocha/callbacks/samples';
import { SAMPLE_IN_PROGRESS } from '../../helpers/callbackSamples';
import { eventOf, isFinalEvent, statusKey } from '../../../nodes/Imocha/callbacks/status';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('parseCallback', () => {
	it('keeps every documented field and adds the convenience fields', () => {
		const result = parseCallback(SAMPLE_COMPLETE, undefined, NOW);
		expect(result).toEqual({
			ok: true,
			event: {
				...SAMPLE_COMPLETE,
				testInvitationId: 331469,
				status: 'Complete',
				event: 'complete',
				isFinal: true,
				scorePercentage: 5.22,
				receivedAt: '2026-11-20T10:00:00.000Z',
			},
		});
	});

	it('marks In Progress as not final, with no score yet', () => {
		const result = parseCallback(SAMPLE_IN_PROGRESS, undefined, NOW);
		expect(result.ok && result.event).toMatchObject({ event: 'inProgress', isFinal: false, scorePercentage: null });
	});

	it('keeps fields it does not know (BaseImgUrl from the older page)', () => {
		const result = parseCallback({ ...SAMPLE_COMPLETE, BaseImgUrl: 'https://example.com/logo.jpg' });
		expect(result.ok && result.event.BaseImgUrl).toBe('https://example.com/logo.jpg');
	});

	it('accepts the body as JSON text, as a Buffer, or from the raw body when the parsed body is empty', () => {
		const text = JSON.stringify(SAMPLE_COMPLETE);
		for (const result of [parseCallback(text), parseCallback(Buffer.from(text)), parseCallback({}, Buffer.from(text))]) {
			expect(result.ok && result.event.testInvitationId).toBe(331469);
		}
	});

	it('accepts a digit-string id and camelCase keys', () => {
		const result = parseCallback({ testInvitationId: '331469', status: 'Complete' });
		expect(result.ok && result.event).toMatchObject({ testInvitationId: 331469, event: 'complete' });
	});

	it('keeps an unknown status as event "unknown"', () => {
		const result = parseCallback({ TestInvitationId: 1, Status: 'Paused' });
		expect(result.ok && result.event).toMatchObject({ event: 'unknown', isFinal: false });
	});

	it.each([
		['no body', undefined],
		['an empty object', {}],
		['text that is not JSON', '{"TestInvitationId": 1'],
		['an array', [SAMPLE_COMPLETE]],
		['a number', 5],
		['JSON null', 'null'],
	])('refuses %s', (_, body) => {
		expect(parseCallback(body)).toEqual({ ok: false, reason: 'The body is not a JSON object' });
	});

	it.each([
		['missing', { Status: 'Complete' }],
		['zero', { TestInvitationId: 0, Status: 'Complete' }],
		['fractional', { TestInvitationId: 1.5, Status: 'Complete' }],
		['negative', { TestInvitationId: -3, Status: 'Complete' }],
		['text', { TestInvitationId: 'abc', Status: 'Complete' }],
	])('refuses a TestInvitationId that is %s', (_, body) => {
		expect(parseCallback(body)).toEqual({ ok: false, reason: 'TestInvitationId is missing or not a positive integer' });
	});

	it.each([
		['missing', { TestInvitationId: 1 }],
		['blank', { TestInvitationId: 1, Status: '  ' }],
		['a number', { TestInvitationId: 1, Status: 3 }],
	])('refuses a Status that is %s', (_, body) => {
		expect(parseCallback(body)).toEqual({ ok: false, reason: 'Status is missing or not a text' });
	});
});

describe('status literals (one place, unverified spellings)', () => {
	it.each([
		['In Progress', 'inProgress'],
		['InProgress', 'inProgress'],
		['Complete', 'complete'],
		['Completed', 'complete'],
		['Terminated', 'terminated'],
		['Test Left', 'testLeft'],
		['TestLeft', 'testLeft'],
		['Testleft', 'testLeft'],
		['test_left', 'testLeft'],
		[' TEST LEFT ', 'testLeft'],
	])('reads %s as %s', (literal, event) => {
		expect(eventOf(literal)).toBe(event);
	});

	it('gives every spelling of one status the same de-duplication key', () => {
		expect(statusKey('Test Left')).toBe(statusKey('TestLeft'));
		expect(statusKey('Cancelled')).toBe('cancelled');
	});

	it('calls only Complete, Terminated and Test Left final', () => {
		expect(['complete', 'terminated', 'testLeft', 'inProgress', undefined].map((e) => isFinalEvent(e as never))).toEqual([
			true,
			true,
			true,
			false,
			false,
		]);
	});
});
