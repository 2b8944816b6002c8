import type { IDataObject } from 'n8n-workflow';

/**
 * A field by name, ignoring case. iMocha's answers and callbacks mix PascalCase and camelCase
 * for the same field (ASP.NET services may switch), and a mismatch must not silently drop data.
 */
export function field(record: IDataObject, name: string): unknown {
	if (name in record) return record[name];
	const lower = name.toLowerCase();
	const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : record[key];
}
