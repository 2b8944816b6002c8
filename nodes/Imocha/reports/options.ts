import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * What the two triggers and Invite and Wait may add to an attempt: the JSON report and the PDF
 * (https://developer.imocha.io/retrieve-candidate-test-report-18157698e0).
 */
export interface EnrichOptions {
	/** Add the JSON report as `report`. */
	report: boolean;
	/** Add the PDF report as a binary field. */
	pdf: boolean;
	reportType: number;
	binaryPropertyName: string;
}

/** reportType of GET /v3/reports/{id}; Report > Get, the triggers and Invite and Wait reuse it. */
export const reportTypeField: INodeProperties = {
	displayName: 'Report Type',
	name: 'reportType',
	type: 'options',
	options: [
		{ name: 'Section-Wise (Summary)', value: 1, description: 'Test summary with section-level scores' },
		{ name: 'Skill-Wise', value: 2, description: 'Scores per skill' },
		{ name: 'Section-Wise and Skill-Wise', value: 3, description: 'Both section-level and skill-level scores' },
	],
	default: 1,
	description: 'How much detail the report carries',
};

/** The enrichment options of both triggers' Options collection. */
export const enrichmentOptions: INodeProperties[] = [
	{
		displayName: 'Include PDF Report',
		name: 'includePdf',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the PDF report of finished attempts into a binary field, ready to attach to an email or an ATS. A failed download is recorded in enrichmentError.pdf and the event is still emitted.',
	},
	{
		displayName: 'Include Report',
		name: 'includeReport',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch the full JSON report of finished attempts into the field "report". A failed fetch is recorded in enrichmentError.report and the event is still emitted.',
	},
	{
		displayName: 'Put PDF in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'The binary field that receives the PDF, named imocha-report-[Test Invitation ID].pdf',
	},
	{ ...reportTypeField, description: 'How much detail the added report carries' },
];

/** Reads the enrichment options leniently: a trigger must answer, never throw on a setting. */
export function readEnrichOptions(options: IDataObject): EnrichOptions {
	const reportType = Number(options.reportType ?? 1);
	const binaryPropertyName = String(options.binaryPropertyName ?? '').trim();
	return {
		report: options.includeReport === true,
		pdf: options.includePdf === true,
		reportType: [1, 2, 3].includes(reportType) ? reportType : 1,
		binaryPropertyName: binaryPropertyName || 'data',
	};
}
