import type { INodeProperties } from 'n8n-workflow';

import type { CallbackEvent } from '../callbacks/status';
import { DEFAULT_TRIGGER_PATH } from '../callbacks/url';
import { enrichmentOptions } from '../reports/options';

export const DEFAULT_EVENTS: CallbackEvent[] = ['complete', 'terminated', 'testLeft'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'iMocha has no webhook settings: each invitation carries its callback URL. Invitations sent by the iMocha node (Invite, Invite by Test Link, Reattempt) point at this trigger\'s production URL with the credential\'s Callback Secret, so nothing needs copying. Invitations created before the workflow was active keep the URL they were sent with, and invitations made in the iMocha web app carry none: use the iMocha Poll Trigger for those. iMocha only posts to https URLs.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: DEFAULT_TRIGGER_PATH,
		required: true,
		placeholder: `e.g. ${DEFAULT_TRIGGER_PATH}`,
		description:
			'The URL path the trigger listens on: the production URL is [n8n webhook URL]/webhook/[path]. Keep the default unless two workflows in this n8n need separate iMocha triggers; the iMocha node\'s invite operations use the default path.',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Complete', value: 'complete', description: 'The candidate finished; a report exists' },
			{ name: 'In Progress', value: 'inProgress', description: 'The candidate started the test' },
			{ name: 'Terminated', value: 'terminated', description: 'The attempt was terminated (e.g. by proctoring)' },
			{ name: 'Test Left', value: 'testLeft', description: 'The candidate left the test before finishing' },
		],
		default: ['complete', 'terminated', 'testLeft'],
		description: 'Which callbacks start a run. Others are answered 200 and ignored.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Minimum Score (%)',
				name: 'minScorePercentage',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 0,
				description:
					'Only finished attempts scoring at least this percentage (CandidateScore / TotalScore) start a run',
			},
			{
				displayName: 'Performance Categories',
				name: 'performanceCategories',
				type: 'string',
				default: '',
				placeholder: 'e.g. Expert, Intermediate',
				description: 'Comma-separated; only finished attempts in one of these categories start a run (case-insensitive)',
			},
			{
				displayName: 'Test IDs',
				name: 'testIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 292930, 1134601',
				description:
					'Comma-separated; only attempts at these tests start a run. The callback does not name its test, so the trigger reads the report to find it (one extra call per callback).',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'De-Duplication Window (Hours)',
				name: 'dedupeHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 24,
				description:
					'How long a callback (same Test Invitation ID and status) is remembered so that iMocha\'s retries and replays start only one run. 0 turns de-duplication off.',
			},
			...enrichmentOptions,
		],
	},
];
