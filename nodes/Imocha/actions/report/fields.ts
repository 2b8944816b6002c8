import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick } from '../../operation/output';
import { checkId } from '../../operation/validate';

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
