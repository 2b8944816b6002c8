import { NodeApiError } from 'n8n-workflow';

/**
 * Whether a poll failure is worth waiting out: no answer at all (network, timeout), rate limits
 * and server errors. Wrong keys, refused dates and other 4xx need the user, so they surface.
 */
export function isTransient(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const { httpCode } = error;
	if (httpCode === undefined || httpCode === null || httpCode === '') return true;
	const status = Number(httpCode);
	return status === 429 || status >= 500;
}
