import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** One output item per record: n8n's "Get Many" convention, never a wrapper object. */
export function toItems(records: IDataObject | IDataObject[] | undefined | null): INodeExecutionData[] {
	const list = Array.isArray(records) ? records : records ? [records] : [];
	return list.map((json) => ({ json }));
}

/** Keeps only the named fields, for the Simplify option. */
export function pick(record: IDataObject, fields: readonly string[]): IDataObject {
	return Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]]));
}
