import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

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

	const link = linkIn(first);
	if (!link) {
		throw new NodeOperationError(context.getNode(), `iMocha answered the PDF report request with ${describe(first)}, neither a PDF nor a link to one`, {
			itemIndex,
			description: 'Check that the attempt is complete (Report > Get shows its status): iMocha makes the PDF only for finished attempts.',
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
		throw new NodeOperationError(context.getNode(), `The PDF link iMocha gave (${url.origin}${url.pathname}) answered with ${describe(second)} instead of a PDF`, {
			itemIndex,
			description: 'The link may need a login to the iMocha web app. Report > Get returns the same link as pdfReportUrl, which opens in a browser.',
		});
	}
	return { data: second.data, linkFollowed: url.toString() };
}

function isPdf(response: BinaryResponse): boolean {
	return /application\/pdf/i.test(response.contentType) || response.data.subarray(0, 5).toString('latin1') === '%PDF-';
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
	return `${type} (${response.data.length} bytes)`;
}
