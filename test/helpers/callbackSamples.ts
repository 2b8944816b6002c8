import type { IDataObject } from 'n8n-workflow';

/** The documented "In Progress" callback body (https://developer.imocha.io/callback-notification-1174961m0), with a fake address. */
export const SAMPLE_IN_PROGRESS: IDataObject = {
	CandidateEmailId: 'candidate@example.com',
	AttemptedOn: '09-Oct-2020 06:51 PM',
	TotalScore: 0,
	CandidateScore: 0,
	ReportPDFUrl: null,
	TestInvitationId: 3314697,
	Status: 'In Progress',
	AttemptedOnUtc: '2020-10-09T13:21:53',
	PerformanceCategory: null,
};
