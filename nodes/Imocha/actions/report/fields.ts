import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick } from '../../operation/output';
import { checkId } from '../../operation/validate';

/** reportType of GET /v3/reports/{id} (reference §6.1); the trigger and Invite and Wait reuse it. */
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

export const testInvitationIdField: INodeProperties = {
	displayName: 'Test Invitation ID',
	name: 'testInvitationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 2807324',
	description:
		'The attempt to report on: the testInvitationId returned by an invite, a reattempt or the iMocha Trigger',
};

export function readTestInvitationId(context: IExecuteFunctions, itemIndex: number): number {
	return checkId(context, itemIndex, 'Test Invitation ID', context.getNodeParameter('testInvitationId', itemIndex));
}

const KEY_FIELDS = [
	'testInvitationId',
	'testId',
	'testName',
	'candidateEmail',
	'status',
	'attemptedOn',
	'candidatePoints',
	'totalTestPoints',
	'scorePercentage',
	'performanceCategory',
	'pdfReportUrl',
] as const;

/**
 * The fields that answer "how did the candidate do". The reference spells two keys in
 * PascalCase (`Status`, `PerformanceCategory`) while clients see camelCase: both are read.
 */
export function simplifyReport(report: IDataObject): IDataObject {
	const lower: IDataObject = {};
	for (const [key, value] of Object.entries(report)) {
		const camel = key.charAt(0).toLowerCase() + key.slice(1);
		if (!(camel in lower) || key === camel) lower[camel] = value;
	}
	return pick(lower, KEY_FIELDS);
}
