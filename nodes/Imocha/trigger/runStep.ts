import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CallbackEventData } from '../callbacks/event';
import { enrich } from '../reports/enrich';
import { callbackKey, claimKeys, claimScope, DELIVERY_FIELD } from './claim';
import { readSettings } from './settings';

/**
 * The trigger's step inside the run n8n created for a callback. n8n runs a start node's
 * `execute()` with what its `webhook()` returned as input (n8n-core's workflow-execute.js,
 * `runNode`: `execute` is checked before `webhook`), so this runs after iMocha had its answer and
 * on whichever process runs executions (a worker in queue mode).
 *
 * In: the event items `webhook()` emitted (one per callback, each with its delivery ID). Out: the
 * events this run won (see `claimKeys`: the first run of a callback, and reruns of that run, such
 * as a retry after a crash), without the delivery ID, with the report and PDF added to finished
 * attempts when the Options ask for them; a repeat yields no item, so nothing after the trigger
 * runs for it. Sample events and runs from the editor (test URL) are never claimed: what a user
 * posts while building must neither be dropped nor hide a later real callback. Throws only what
 * the claim throws.
 */
export async function runTriggerStep(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = readSettings((name, fallback) => this.getNodeParameter(name, 0, fallback));
	// Runs from the editor are the user's own tests: never claimed.
	const claimable = this.getMode() !== 'manual' && settings.dedupe.ttlMs > 0;
	const inputs = items.map((item) => {
		const { [DELIVERY_FIELD]: delivery, ...event } = item.json as CallbackEventData & { [DELIVERY_FIELD]?: string };
		return { item: { ...item, json: event }, event: event as CallbackEventData, delivery: typeof delivery === 'string' ? delivery : undefined };
	});
	const claimed = inputs.filter(({ event }) => claimable && !event.sample);
	const decisions = claimed.length
		? await claimKeys(this, claimScope(this.getWorkflow().id, this.getNode().name), claimed.map(({ event, delivery }) => ({ key: callbackKey(event), delivery })))
		: [];
	// A run retried from the executions list that was created before deliveries existed emits as asked.
	const legacyRetry = this.getMode() === 'retry';
	const emits = new Map(claimed.map((input, index) => [input, decisions[index] || (legacyRetry && !input.delivery)]));

	const out: INodeExecutionData[] = [];
	const repeats: string[] = [];
	for (const [index, input] of inputs.entries()) {
		if (emits.get(input) === false) {
			this.logger.info(`iMocha Trigger: callback ${callbackKey(input.event)} was already handled by an earlier run; this run emits nothing`);
			repeats.push(callbackKey(input.event));
			continue;
		}
		out.push({ ...(await withEnrichment(this, input.item, input.event, settings.enrich)), pairedItem: { item: index } });
	}
	// Shown on the node in the executions list, so a run that emitted nothing says why.
	if (repeats.length) {
		this.addExecutionHints?.({
			message: `Already handled by an earlier run (Test Invitation ID:status ${repeats.join(', ')}): iMocha sent this callback again, so this run emits nothing.`,
			location: 'outputPane',
		});
	}
	return [out];
}
async function withEnrichment(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	event: CallbackEventData,
	options: ReturnType<typeof readSettings>['enrich'],
): Promise<INodeExecutionData> {
	if (!event.isFinal || (!options.report && !options.pdf)) return item;
	const known = event.report && typeof event.report === 'object' ? (event.report as IDataObject) : undefined;
	const added = await enrich(context, event.testInvitationId, options, known);
	const enriched: INodeExecutionData = { json: { ...item.json, ...added.json } };
	if (added.binary) enriched.binary = added.binary;
	return enriched;
}
