import type { IDataObject } from 'n8n-workflow';

export interface Page<T> {
	items: T[];
	hasNext: boolean;
}

export interface PageRequest {
	/** 1-based, as both iMocha APIs count pages. */
	pageNumber: number;
	pageSize: number;
}

export interface CollectOptions {
	returnAll: boolean;
	limit: number;
	/** Largest page the API serves; smaller when a Limit needs fewer records. */
	maxPageSize: number;
}

/** A runaway guard: no iMocha list comes near this many pages. */
const MAX_PAGES = 100_000;

/**
 * Walks the API's own pages until the records run out or the Limit is reached, returning
 * exactly `limit` records when there are that many.
 */
export async function collectPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	options: CollectOptions,
): Promise<T[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	const pageSize = Math.max(1, Math.min(options.maxPageSize, Number.isFinite(wanted) ? wanted : options.maxPageSize));
	const collected: T[] = [];
	for (let pageNumber = 1; collected.length < wanted && pageNumber <= MAX_PAGES; pageNumber++) {
		const page = await fetchPage({ pageNumber, pageSize });
		collected.push(...page.items.slice(0, wanted - collected.length));
		if (!page.hasNext || page.items.length === 0) break;
	}
	return collected;
}

/**
 * Reads the paging envelope both APIs use (`pageNumber`, `totalPages`, `hasNextPage`), with
 * the records under `itemsKey`.
 */
export function readEnvelope<T = IDataObject>(body: IDataObject, itemsKey: string): Page<T> {
	const items = Array.isArray(body?.[itemsKey]) ? (body[itemsKey] as T[]) : [];
	const hasNextFlag = body?.hasNextPage;
	const hasNext =
		typeof hasNextFlag === 'boolean'
			? hasNextFlag
			: Number(body?.pageNumber ?? 0) < Number(body?.totalPages ?? 0);
	return { items, hasNext };
}

/** Return All / Limit over a list the API returns whole. */
export function applyLimit<T>(records: T[], returnAll: boolean, limit: number): T[] {
	return returnAll ? records : records.slice(0, Math.max(0, limit));
}
