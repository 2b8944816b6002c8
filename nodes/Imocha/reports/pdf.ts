import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, JsonObject } from 'n8n-workflow';

import { downloadReportLink, getReportPdf } from '../api/assessment';
import { connectionFor, type BinaryResponse, type ImochaContext } from '../transport';

/**
 * The PDF report's page was unavailable (README.md "Unverified"): GET /v3/reports/{id}/pdf comes from
 * third-party code, and whether it answers with the file or with JSON holding a link is unknown.
 * Both are accepted; a link is followed once, and only to a host the API key may go to.
 */
/** Hosts iMocha serves from (README.md "Unverified"): its own domain and the older interviewmocha.com. */
const IMOCHA_DOMAINS = ['imocha.io', 'interviewmocha.com'];

/** Keys a JSON answer may carry the link under: the report's and the callback's names. */
const LINK_KEYS = ['pdfreporturl', 'reportpdfurl'];

export interface ReportPdf {
	data: Buffer;
	/** The link that was followed, when iMocha answered with one. */
	linkFollowed?: string;
}

export async function fetchReportPdf(context: ImochaContext, testInvitationId: number, itemIndex?: number): Promise<ReportPdf> {
	const first = await getReportPdf(context, testInvitationId, itemIndex);
	if (isPdf(first)) return { data: first.data };

	const link = isLabelledPdf(first) ? undefined : linkIn(first);
	if (!link) {
		throw notAPdf(context, first, itemIndex, {
			message: `iMocha answered the PDF report request with ${describe(first)}, neither a PDF nor a link to one`,
			description: 'Check that the attempt is complete (Report > Get shows its status): iMocha makes the PDF only for finished attempts. If it is, try again later: iMocha may still be generating the file.',
		});
	}
	const { assessmentUrl } = await connectionFor(context);
	const url = trustedLink(link, assessmentUrl);
	if (!url) {
		throw new NodeOperationError(context.getNode(), `iMocha answered with a PDF link on a host the node does not send the API key to: ${safeOrigin(link)}`, {
			itemIndex,
			description:
				'Only https links on imocha.io or interviewmocha.com, or on the host of the credential\'s base URL, are followed. Download the link with an HTTP Request node if you trust it.',
		});
	}
	const second = await downloadReportLink(context, url, itemIndex);
	if (!isPdf(second)) {
		throw notAPdf(context, second, itemIndex, {
			message: `The PDF link iMocha gave (${url.origin}${url.pathname}) answered with ${describe(second)} instead of a PDF`,
			description: 'The link may need a login to the iMocha web app. Report > Get returns the same link as pdfReportUrl, which opens in a browser.',
		});
	}
	return { data: second.data, linkFollowed: url.toString() };
}

/**
 * A PDF by its bytes, whatever the label: every PDF file opens with "%PDF-" (ISO 32000-1, 7.5.2),
 * which readers accept within the first 1024 bytes. A body merely labelled application/pdf (an
 * empty answer, an error page) is not one.
 */
function isPdf(response: BinaryResponse): boolean {
	return response.data.length > 0 && response.data.subarray(0, 1024).includes('%PDF-', 0, 'latin1');
}

function isLabelledPdf(response: BinaryResponse): boolean {
	return /application\/pdf/i.test(response.contentType);
}

/** What iMocha sent instead of a PDF, with a short excerpt, as an API error a user can act on. */
function notAPdf(
	context: ImochaContext,
	response: BinaryResponse,
	itemIndex: number | undefined,
	text: { message: string; description: string },
): NodeApiError {
	const sent: JsonObject = { message: text.message, contentType: response.contentType, bytes: response.data.length, excerpt: excerpt(response.data) };
	return new NodeApiError(context.getNode(), sent, { ...text, itemIndex });
}

function excerpt(data: Buffer): string {
	const text = data.subarray(0, 120).toString('utf8').replace(/[^\x20-\x7e]+/g, ' ').trim();
	return data.length > 120 ? `${text}...` : text;
}

function linkIn(response: BinaryResponse): string | undefined {
	let body: unknown;
	try {
		body = JSON.parse(response.data.toString('utf8'));
	} catch {
		return undefined;
	}
	if (typeof body === 'string') return body;
	for (const record of [body, (body as IDataObject | null)?.result]) {
		if (!record || typeof record !== 'object') continue;
		for (const [key, value] of Object.entries(record)) {
			if (LINK_KEYS.includes(key.toLowerCase()) && typeof value === 'string' && value) return value;
		}
	}
	return undefined;
}

/** An https link on an iMocha domain, or any link on the configured base URL's own origin. */
export function trustedLink(link: string, baseUrl: string): URL | undefined {
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return undefined;
	}
	const base = new URL(baseUrl);
	if (url.origin === base.origin) return url;
	const host = url.hostname.toLowerCase();
	const onImocha = IMOCHA_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
	return url.protocol === 'https:' && onImocha ? url : undefined;
}

function safeOrigin(link: string): string {
	try {
		const url = new URL(link);
		return `${url.protocol}//${url.host}`;
	} catch {
		return 'a value that is not a URL';
	}
}

function describe(response: BinaryResponse): string {
	const type = response.contentType.split(';')[0].trim() || 'no content type';
	if (!response.data.length) return `an empty ${type} body`;
	return `${type} (${response.data.length} bytes, starting "${excerpt(response.data).slice(0, 40)}")`;
}
