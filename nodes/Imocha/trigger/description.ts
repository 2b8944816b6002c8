import type { INodeProperties } from 'n8n-workflow';

import type { CallbackEvent } from '../callbacks/status';
import { DEFAULT_TRIGGER_PATH } from '../callbacks/url';
import { enrichmentOptions } from '../reports/options';

export const DEFAULT_EVENTS: CallbackEvent[] = ['complete', 'terminated', 'testLeft'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: DEFAULT_TRIGGER_PATH,
		required: true,
		placeholder: `e.g. ${DEFAULT_TRIGGER_PATH}`,
		// Informational, so a grey hint under the field rather than a box. n8n 2.40 draws every
		// `type: 'notice'` in warning colours: n8n-io/n8n packages/frontend/editor-ui/src/features/ndv/
		// parameters/components/ParameterInputList.vue passes no theme to N8nNotice, whose default is
		// 'warning'. The calm `type: 'callout'` fails node-param-display-name-miscased
		// (eslint-plugin-n8n-nodes-base exempts only notices from Title Case), a rule n8n's own scanner
		// runs with inline disables ignored (@n8n/scan-community-package, scanner/scanner.mjs,
		// buildScanConfig and analyzePackage's allowInlineConfig: false).
		hint: 'Invitations sent by the iMocha node with "Send Results To: iMocha Trigger" already carry this trigger\'s URL: nothing to copy. For invitations made in iMocha itself, use the iMocha Poll Trigger.',
		description:
			'The URL path the trigger listens on: the production URL is [n8n webhook URL]/webhook/[path] (or another prefix set with N8N_ENDPOINT_WEBHOOK). No ":" (n8n would add the webhook ID to the URL). Keep the default unless two workflows in this n8n need separate iMocha triggers; the iMocha node\'s invite operations use the default path.',
	},
	{
		// "Events" is the label n8n's nodes panel lists as the iMocha entry's triggers ("On Complete", ...).
		displayName: 'Events',
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
				description: 'Separated by commas, semicolons or line breaks; only finished attempts in one of these categories start a run (case-insensitive)',
			},
			{
				displayName: 'Test IDs',
				name: 'testIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 292930, 1134601',
				description:
					'Separated by commas, semicolons or line breaks; only attempts at these tests start a run. The callback does not name its test, so the trigger reads the report to find it (one extra call per callback).',
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
					'Retries and replays of an iMocha callback (same Test Invitation ID and status) emit it once: the trigger records the last 10,000 callbacks in n8n\'s database (shared by every n8n process, kept across restarts), and a repeat\'s run emits nothing. Within this many hours, the n8n process that ran the first answers repeats without starting a run. 0 turns de-duplication off.',
			},
			...enrichmentOptions,
		],
	},
];
