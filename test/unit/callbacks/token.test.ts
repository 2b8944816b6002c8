import { timingSafeEqual } from 'node:crypto';

import { checkToken } from '../../../nodes/Imocha/callbacks/token';

jest.mock('node:crypto', () => {
	const actual = jest.requireActual('node:crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

describe('checkToken', () => {
	it('accepts the exact secret', () => {
		expect(checkToken('s3cret', 's3cret')).toBe('ok');
	});

	it('refuses a wrong token, including prefixes, longer values and case changes', () => {
		expect(checkToken('s3cret', 'wrong')).toBe('wrong');
		expect(checkToken('s3cret', 's3cre')).toBe('wrong');
		expect(checkToken('s3cret', 's3cretX')).toBe('wrong');
		expect(checkToken('s3cret', 'S3CRET')).toBe('wrong');
	});

	it('reports a missing token (absent, empty, not text)', () => {
		expect(checkToken('s3cret', undefined)).toBe('missing');
		expect(checkToken('s3cret', '')).toBe('missing');
		expect(checkToken('s3cret', 42)).toBe('missing');
	});

	it('reads the first value when the query repeats the parameter', () => {
		expect(checkToken('s3cret', ['s3cret', 'other'])).toBe('ok');
		expect(checkToken('s3cret', ['other', 's3cret'])).toBe('wrong');
	});

	it('requires nothing when no secret is configured', () => {
		expect(checkToken('', undefined)).toBe('notRequired');
		expect(checkToken('', 'anything')).toBe('notRequired');
	});

	it('compares with timingSafeEqual on equal-length digests, whatever the token length', () => {
		const spy = timingSafeEqual as jest.Mock;
		spy.mockClear();
		expect(checkToken('s3cret', 'x')).toBe('wrong');
		expect(checkToken('s3cret', 'a much longer token than the secret')).toBe('wrong');
		expect(checkToken('s3cret', 's3cret')).toBe('ok');
		expect(spy).toHaveBeenCalledTimes(3);
		for (const [a, b] of spy.mock.calls) {
			expect((a as Buffer).length).toBe(32);
			expect((b as Buffer).length).toBe(32);
		}
	});
});
