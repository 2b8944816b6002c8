/** The sandbox's data, shaped as the iMocha reference documents each record. */

export type InvitationStatus = 'Pending' | 'In Progress' | 'Complete' | 'Terminated' | 'Test Left' | 'Cancelled' | 'Expired';

export interface Test {
	testId: number;
	testName: string;
	testType: string;
	testDuration: number;
	/** List all tests (third-party evidence, README "Unverified"): a status and the test's labels. */
	status: string;
	labels: string[];
	settings: Record<string, any>;
}

export interface TestLink {
	testLinkId: number;
	testId: number;
	testLinkName: string;
	testLinkStatus: 'active' | 'inactive';
	testLink: string;
	isApiLink: boolean;
	proctoringSettings: { proctoringMode: 'disabled' | 'image' | 'video' };
	stakeholderEmails: string;
	invitationType: 'email' | 'open';
	invitationSchedule: Record<string, any>;
}

export interface Invitation {
	testInvitationId: number;
	testId: number;
	testLinkId: number;
	email: string;
	name: string;
	status: InvitationStatus;
	invitationType: 'api' | 'app';
	callbackUrl?: string;
	redirectUrl?: string;
	sendEmail: 'yes' | 'no';
	stakeholderEmails?: string;
	startDateTime?: string;
	endDateTime?: string;
	timeZoneId?: number;
	proctoringMode?: string;
	hideInstruction: number;
	/** ISO time of the last status change; Retrieve Invites filters on it (an assumption). */
	updatedAt: string;
	attemptedOn?: string;
	candidatePoints?: number;
	totalTestPoints?: number;
	performanceCategory?: string;
	/** The attempt this one re-opens, for reattempts. */
	reattemptOf?: number;
}

export interface BusinessUnit {
	businessUnitId: number;
	businessUnitName: string;
	createdOn: string;
}

export interface User {
	email: string;
	fullName: string;
	businessunitId: number;
	status: 'Active' | 'Inactive';
}

export interface Timezone {
	timeZoneId: number;
	timeZoneName: string;
}

export interface CallbackDelivery {
	url: string;
	payload: Record<string, unknown>;
	attempts: number;
	delivered: boolean;
	lastStatus?: number;
}

export interface GdprRequest {
	CandidateEmail: string;
	testinvitationId?: number;
	at: string;
}

export interface SandboxState {
	apiKeys: Set<string>;
	tests: Test[];
	testLinks: TestLink[];
	invitations: Invitation[];
	businessUnits: BusinessUnit[];
	users: User[];
	timezones: Timezone[];
	callbacks: CallbackDelivery[];
	gdprRequests: GdprRequest[];
	/** Areas added by later routes (Skills Intelligence and others) keep their data here. */
	extra: Record<string, any>;
	nextId: () => number;
}
