/** Skills Intelligence pickers page by number; n8n hands the token back as the user scrolls. */

/** The next page to show as the user scrolls the list. */
export function pageOf(token?: string): number {
	const page = Number(token);
	return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

export function nextToken(hasNext: boolean, page: number): string | undefined {
	return hasNext ? String(page + 1) : undefined;
}
