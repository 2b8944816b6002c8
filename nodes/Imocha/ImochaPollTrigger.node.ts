import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { ATTEMPT_STATES, type AttemptState } from './api/assessment';
import { parseIdList } from './callbacks/filter';
import { pollAttempts, type PollSettings } from './pollTrigger/poll';
import { isTransient } from './pollTrigger/transient';
import { enrichmentOptions, readEnrichOptions } from './reports/options';

export class ImochaPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iMocha Poll Trigger',
		name: 'imochaPollTrigger',
		icon: { light: 'file:imocha.svg', dark: 'file:imocha.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Attempts: " + ($parameter["states"] || []).join(", ")}}',
		description:
			'Starts the workflow for finished, cancelled and expired iMocha test attempts by polling: for invitations made in iMocha itself, or an n8n iMocha cannot reach',
		documentationUrl: 'https://github.com/n8n-nodes-imocha/n8n-nodes-imocha#imocha-poll-trigger-polling',
		defaults: { name: 'iMocha Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imochaApi', required: true }],
		properties: [
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				// A grey hint, not a notice: n8n draws every notice in warning colours (see the same
				// choice on the iMocha Trigger's Path, nodes/Imocha/trigger/description.ts).
				hint: 'Polls iMocha\'s Retrieve Invites for attempts that ended since the last poll, including invitations made in the iMocha web app and cancelled or expired ones, which the iMocha Trigger never hears about. Each attempt is emitted once.',
				options: [
					{ name: 'Cancelled', value: 'cancelled', description: 'Invitations that were cancelled' },
					{ name: 'Completed', value: 'completed', description: 'Attempts that were completed, left or terminated' },
					{ name: 'Expired', value: 'expired', description: 'Invitations whose access window closed unused' },
				],
				default: ['completed', 'cancelled', 'expired'],
				description: 'Which attempts start a run',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Invitation Source',
						name: 'invitationTypes',
						type: 'multiOptions',
						options: [
							{ name: 'API (Sent by the iMocha Node or Another Integration)', value: 'api' },
							{ name: 'Web App', value: 'app' },
						],
						default: [],
						description:
							'Only attempts whose invitation came from here. Choose Web App to complement an iMocha Trigger that already receives callbacks for API invitations.',
					},
					{
						displayName: 'Test IDs',
						name: 'testIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 292930, 1134601',
						description: 'Separated by commas, semicolons or line breaks; only attempts at these tests start a run',
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
						displayName: 'First Poll Look-Back (Hours)',
						name: 'lookBackHours',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 24,
						description: 'How far back the first poll after activation looks, and the window a manual test run reads',
					},
					...enrichmentOptions,
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description:
							'How far before the previous poll each poll starts reading, for attempts iMocha records late. Attempts already emitted are not emitted again.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings(this);
		try {
			const items = await pollAttempts(this, settings);
			return items ? [items] : null;
		} catch (error) {
			if (this.getMode() === 'manual' || !isTransient(error)) throw asNodeError(this, error);
			// A blip must not stop an active workflow: the cursor did not move, the next poll retries.
			this.logger.warn(`iMocha Poll Trigger: skipped this poll after a temporary error: ${(error as Error).message}`);
			return null;
		}
	}
}

function readPollSettings(context: IPollFunctions): PollSettings {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const states = (context.getNodeParameter('states', ATTEMPT_STATES) as AttemptState[]).filter((state) => ATTEMPT_STATES.includes(state));
	if (!states.length) throw new NodeOperationError(context.getNode(), 'Select at least one state to poll for');
	const { ids, invalid } = parseIdList(filters.testIds);
	if (invalid.length) {
		throw new NodeOperationError(context.getNode(), `Test IDs must be numbers: ${invalid.join(', ')}`, {
			description: 'Enter the iMocha test IDs separated by commas, semicolons or line breaks, e.g. 292930, 1134601.',
		});
	}
	return {
		states,
		testIds: ids,
		invitationTypes: ((filters.invitationTypes as string[] | undefined) ?? []).map((type) => type.toLowerCase()),
		lookBackHours: nonNegative(options.lookBackHours, 24),
		overlapMinutes: nonNegative(options.overlapMinutes, 60),
		enrich: readEnrichOptions(options),
	};
}

/** The transport's errors pass unchanged (never wrapped twice); anything else gets wrapped. */
function asNodeError(context: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

function nonNegative(value: unknown, fallback: number): number {
	const number = Number(value ?? fallback);
	return Number.isFinite(number) && number >= 0 ? number : fallback;
}
