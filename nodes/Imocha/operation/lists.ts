import { cleanText } from './text';

/**
 * Lists arrive in the shapes people have them: "a@x.com, b@y.com", "a@x.com; b@y.com" (the
 * Outlook habit), one entry per line (a pasted column), or an array from an expression (a
 * multi-value column, `$json.ids`). `splitList` reads all of them into clean entries: format
 * characters and white space removed (see ./text.ts), empty entries dropped. Arrays may nest and
 * may hold strings that are themselves lists.
 *
 * `whitespace: true` also splits on spaces and tabs, for lists whose entries cannot contain one
 * (IDs, email addresses); names such as performance categories can, so they keep it off.
 *
 * Entries that are neither text nor numbers (objects, booleans) are returned as they are, so
 * that the caller's check can name them.
 */
export function splitList(value: unknown, options: { whitespace?: boolean } = {}): unknown[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((entry) => splitList(entry, options));
	if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
	if (typeof value !== 'string') return [value];
	const separators = options.whitespace ? /[,;\r\n\t ]+/ : /[,;\r\n]+/;
	return value
		.split(separators)
		.map(cleanText)
		.filter((entry) => entry !== '');
}

/** A list as iMocha's string fields take one, e.g. `stakeholderEmails`: comma-separated, no spaces. */
export function joinForImocha(entries: readonly string[]): string {
	return entries.join(',');
}
