import type { INodePropertyOptions } from 'n8n-workflow';

import type { ImochaResource } from '../operation/contract';
import { test } from './assessmentTest';
import { businessUnit } from './businessUnit';
import { callback } from './callback';
import { gdpr } from './gdpr';
import { invitation } from './invitation';
import { report } from './report';
import { testLink } from './testLink';
import { timezone } from './timezone';
import { user } from './user';
// Skills Intelligence resources (their own API and host)
import { account } from './account';
import { careerPath } from './careerPath';
import { employee } from './employee';
import { jobProfile } from './jobProfile';
import { taxonomy } from './taxonomy';

/**
 * Resource values are stored in users' workflows: never rename one. The order here is the order
 * of the Resource dropdown.
 */
export const resources: Record<string, { option: INodePropertyOptions; resource: ImochaResource }> = {
	invitation: { option: { name: 'Invitation', value: 'invitation' }, resource: invitation },
	test: { option: { name: 'Test', value: 'test' }, resource: test },
	testLink: { option: { name: 'Test Link', value: 'testLink' }, resource: testLink },
	report: { option: { name: 'Report', value: 'report' }, resource: report },
	callback: { option: { name: 'Callback', value: 'callback' }, resource: callback },
	gdpr: { option: { name: 'GDPR', value: 'gdpr' }, resource: gdpr },
	user: { option: { name: 'User', value: 'user' }, resource: user },
	businessUnit: { option: { name: 'Business Unit', value: 'businessUnit' }, resource: businessUnit },
	timezone: { option: { name: 'Timezone', value: 'timezone' }, resource: timezone },
	employee: { option: { name: 'Employee (Skills Intelligence)', value: 'employee' }, resource: employee },
	jobProfile: { option: { name: 'Job Profile (Skills Intelligence)', value: 'jobProfile' }, resource: jobProfile },
	taxonomy: { option: { name: 'Taxonomy (Skills Intelligence)', value: 'taxonomy' }, resource: taxonomy },
	careerPath: { option: { name: 'Career Path (Skills Intelligence)', value: 'careerPath' }, resource: careerPath },
	account: { option: { name: 'Account (Skills Intelligence)', value: 'account' }, resource: account },
};
