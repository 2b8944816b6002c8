import { createHash, timingSafeEqual } from 'node:crypto';

export type TokenCheck = 'notRequired' | 'ok' | 'missing' | 'wrong';

/**
 * Compares the callback URL's token with the credential's Callback Secret in constant time.
 * Both sides are hashed first, so the buffers always have equal length and the comparison leaks
 * neither the secret's length nor how much of it matched. An empty secret turns the check off.
 */
export function checkToken(secret: string, received: unknown): TokenCheck {
	if (!secret) return 'notRequired';
	const token = Array.isArray(received) ? received[0] : received;
	if (typeof token !== 'string' || token === '') return 'missing';
	return timingSafeEqual(digest(secret), digest(token)) ? 'ok' : 'wrong';
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}
