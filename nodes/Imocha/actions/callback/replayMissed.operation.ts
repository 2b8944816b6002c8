import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_CALLBACK_IDS_PER_CALL, processCallbacks, retrieveInvites } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { checkUtcDateTime, invalid } from '../../operation/validate';

const show = { resource: ['callback'], operation: ['replayMissed'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Start Date Time',
		name: 'startDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the window in which attempts finished (UTC when no zone is given)',
	},
	{
		displayName: 'End Date Time',
		name: 'endDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the window (UTC when no zone is given)',
	},
];

const description = updateDisplayOptions({ show }, properties);

interface Input {
	window: { start: string; end: string };
}

interface ChunkError extends IDataObject {
	chunk: number;
	testInvitationIds: number[];
	message: string;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const start = checkUtcDateTime(this, itemIndex, 'Start Date Time', this.getNodeParameter('startDateTime', itemIndex, ''));
		const end = checkUtcDateTime(this, itemIndex, 'End Date Time', this.getNodeParameter('endDateTime', itemIndex, ''));
		if (Date.parse(end) <= Date.parse(start)) {
			throw invalid(this, itemIndex, 'End Date Time', `(${end}) must be after the Start Date Time (${start})`, 'Move the end after the start.');
		}
		return { window: { start, end } };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		// Completed covers completed, test left and terminated attempts in the window.
		const ids = uniqueIds(await retrieveInvites(this, 'completed', input.window, itemIndex));

		const scheduled: number[] = [];
		const failed: number[] = [];
		const errors: ChunkError[] = [];
		const chunks = chunk(ids, MAX_CALLBACK_IDS_PER_CALL);
		// One chunk after the other: a failed chunk is recorded and the others still run.
		for (const [index, part] of chunks.entries()) {
			try {
				const outcome = await processCallbacks(this, part, itemIndex);
				scheduled.push(...numbers(outcome.successful));
				failed.push(...numbers(outcome.failed));
			} catch (error) {
				failed.push(...part);
				errors.push({ chunk: index + 1, testInvitationIds: part, message: messageOf(error) });
			}
		}
		return toItems({
			found: ids.length,
			scheduled,
			failed,
			chunks: chunks.length,
			...(errors.length ? { errors } : {}),
			startDateTime: input.window.start,
			endDateTime: input.window.end,
		});
	},
};

function uniqueIds(attempts: IDataObject[]): number[] {
	const ids = attempts.map((attempt) => Number(attempt.testInvitationId)).filter((id) => Number.isSafeInteger(id) && id > 0);
	return [...new Set(ids)];
}

function numbers(value: unknown): number[] {
	return Array.isArray(value) ? value.map(Number).filter((id) => Number.isSafeInteger(id)) : [];
}

function chunk<T>(list: T[], size: number): T[][] {
	const parts: T[][] = [];
	for (let start = 0; start < list.length; start += size) parts.push(list.slice(start, start + size));
	return parts;
}

function messageOf(error: unknown): string {
	const { message, description } = (error ?? {}) as { message?: unknown; description?: unknown };
	const text = typeof message === 'string' ? message : String(error);
	return typeof description === 'string' && description ? `${text} (${description})` : text;
}
