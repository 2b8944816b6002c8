import type { IDataObject } from 'n8n-workflow';

/**
 * The documented "Complete" callback body (https://developer.imocha.io/callback-notification-1174961m0, newest page), with a fake address. The
 * test URL answers an empty POST with it, so the rest of a workflow can be built before a
 * candidate finishes a test.
 */
export const SAMPLE_COMPLETE: IDataObject = {
	CandidateEmailId: 'candidate@example.com',
	AttemptedOn: '09-Oct-2020 06:51 PM',
	TotalScore: 115,
	CandidateScore: 6,
	ReportPDFUrl: 'https://app.imocha.io/PDFReport?id=OXP5R5ayMu8nrHfnh2g%3d%3d',
	TestInvitationId: 331469,
	Status: 'Complete',
	AttemptedOnUtc: '2020-10-09T13:21:53',
	PerformanceCategory: 'Beginner',
};
