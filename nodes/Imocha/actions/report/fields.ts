import type { IDataObject } from 'n8n-workflow';

import { pick } from '../../operation/output';
import { testInvitationIdField } from '../../operation/testInvitationId';

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
 * The fields that answer "how did the candidate do". iMocha's documentation spells two keys in
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

/** The Test Invitation ID as the report operations describe it. */
export const reportInvitationField = {
	...testInvitationIdField,
	description: 'The attempt to report on: the testInvitationId returned by an invite, a reattempt or the iMocha Trigger',
};
