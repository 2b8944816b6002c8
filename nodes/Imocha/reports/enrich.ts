import type { IBinaryKeyData, IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { getReport } from '../api/assessment';
import type { EnrichOptions } from './options';
import { fetchReportPdf } from './pdf';

/** The iMocha Trigger enriches in its run step (trigger/runStep.ts), the poll trigger while polling. */
export type EnrichContext = IExecuteFunctions | IPollFunctions;

export interface Enrichment {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/**
 * Fetches the report and/or PDF for one attempt. Never throws: a failed step is recorded under
 * `enrichmentError.report` / `enrichmentError.pdf`, so the event is still emitted. A report that
 * was already fetched (for the test filter) is reused instead of fetched again.
 */
export async function enrich(
	context: EnrichContext,
	testInvitationId: number,
	options: EnrichOptions,
	knownReport?: IDataObject,
): Promise<Enrichment> {
	const json: IDataObject = {};
	const errors: IDataObject = {};
	let binary: IBinaryKeyData | undefined;

	if (options.report) {
		try {
			json.report = knownReport ?? (await getReport(context, testInvitationId, { reportType: options.reportType }));
		} catch (error) {
			errors.report = messageOf(error);
		}
	}
	if (options.pdf) {
		try {
			const pdf = await fetchReportPdf(context, testInvitationId);
			const fileName = `imocha-report-${testInvitationId}.pdf`;
			binary = { [options.binaryPropertyName]: await context.helpers.prepareBinaryData(pdf.data, fileName, 'application/pdf') };
		} catch (error) {
			errors.pdf = messageOf(error);
		}
	}
	if (Object.keys(errors).length) json.enrichmentError = errors;
	return binary ? { json, binary } : { json };
}

function messageOf(error: unknown): string {
	if (error && typeof error === 'object') {
		const { message, description } = error as { message?: unknown; description?: unknown };
		const text = typeof message === 'string' ? message : String(error);
		return typeof description === 'string' && description ? `${text} (${description})` : text;
	}
	return String(error);
}
