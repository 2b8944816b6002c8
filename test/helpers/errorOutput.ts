import type { INodeExecutionData } from 'n8n-workflow';

/**
 * Which items n8n's engine moves to the error output under "On Error: Continue (using error
 * output)", as WorkflowExecute.handleNodeErrorOutput in n8n-core decides it (read in n8n 1.123.x
 * and 2.40.x): an item with `error` set beside `json`, or a `json.error` with no other keys than
 * those below. Everything else stays on the success output.
 */
const ERROR_ITEM_KEYS = {
	/** 1.x: exactly `{error}` or `{error, message}`. */
	'1.x': (keys: string[]) => keys.length === 1 || (keys.length === 2 && keys.includes('message')),
	/** 2.x: any subset of `{error, message, details}`. */
	'2.x': (keys: string[]) => keys.every((key) => ['error', 'message', 'details'].includes(key)),
};

export type N8nLine = keyof typeof ERROR_ITEM_KEYS;

export function goesToErrorOutput(item: INodeExecutionData, line: N8nLine): boolean {
	if ((item as { error?: unknown }).error) return true;
	if (!item.json.error) return false;
	const keys = Object.keys(item.json);
	if (line === '1.x' && keys.length === 2 && !item.json.message) return false;
	return ERROR_ITEM_KEYS[line](keys);
}

/** n8n's Retry On Fail re-runs the node while this holds (WorkflowExecute's retry loop). */
export function retryOnFailSeesFailure(output: INodeExecutionData[]): boolean {
	const error = output[0]?.json?.error;
	return error !== undefined && error !== null && error !== false;
}
