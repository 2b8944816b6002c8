import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { readRequestOptions } from '../operation/requestOptions';
import { configureTransport, mapWithConcurrency } from '../transport';
import { resources } from './resources';

type Prepared = { input: unknown } | { error: Error };

/**
 * Dispatches to the chosen operation. Every item is validated before any request is sent; the
 * items then run with bounded concurrency, and the output keeps input order and pairedItem.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.resource.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}
	const options = readRequestOptions(this);
	configureTransport(this, options.transport);

	const prepared: Prepared[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ input: await operation.prepare.call(this, itemIndex) });
		} catch (error) {
			if (!this.continueOnFail()) throw forItem(this, error, itemIndex);
			prepared.push({ error: forItem(this, error, itemIndex) });
		}
	}

	const results = await mapWithConcurrency(items.length, options.concurrency, async (itemIndex) => {
		const entry = prepared[itemIndex];
		if ('error' in entry) return [errorItem(entry.error, itemIndex)];
		try {
			const output = await operation.execute.call(this, entry.input, itemIndex);
			return output.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) return [errorItem(forItem(this, error, itemIndex), itemIndex)];
			throw forItem(this, error, itemIndex);
		}
	});
	return [results.flat()];
}

/** Keeps n8n's own errors as they are (wrapping twice is what shows users "Unknown error"). */
function forItem(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof Error && (error as { httpCode?: unknown }).httpCode !== undefined) {
		return new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
	}
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as { description?: string | null }).description;
	return {
		json: { error: error.message, ...(description ? { description } : {}) },
		pairedItem: { item: itemIndex },
	};
}
