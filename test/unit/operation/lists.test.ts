import { joinForImocha, splitList } from '../../../nodes/Imocha/operation/lists';
import { cleanText } from '../../../nodes/Imocha/operation/text';

describe('splitList (every list-like field reads through it)', () => {
	it.each([
		['commas', 'lead@example.com, hr@example.com'],
		['semicolons (the Outlook habit)', 'lead@example.com; hr@example.com;'],
		['line breaks (a pasted column)', 'lead@example.com\r\nhr@example.com\n'],
		['an array from an expression', ['lead@example.com', 'hr@example.com']],
		['an array whose entries are lists themselves', ['lead@example.com;', ['hr@example.com']]],
		['mixed separators with blanks', ' ,lead@example.com ;\n\n, hr@example.com ,'],
	])('reads %s', (_, value) => {
		expect(splitList(value)).toEqual(['lead@example.com', 'hr@example.com']);
	});

	it('splits on spaces and tabs only when asked (IDs and addresses cannot contain one)', () => {
		expect(splitList('292930 1134601\t7', { whitespace: true })).toEqual(['292930', '1134601', '7']);
		expect(splitList('Above Average, Expert')).toEqual(['Above Average', 'Expert']);
	});

	it('turns numbers into text and hands other values back for the caller to name', () => {
		expect(splitList([292930, '1134601'])).toEqual(['292930', '1134601']);
		expect(splitList([{ id: 1 }, true])).toEqual([{ id: 1 }, true]);
		expect(splitList(undefined)).toEqual([]);
		expect(splitList(null)).toEqual([]);
	});

	it('removes invisible format characters from each entry and drops entries made only of them', () => {
		expect(splitList('\uFEFFlead@example.com,\u200B, hr@exam\u200Bple.com\u200E')).toEqual(['lead@example.com', 'hr@example.com']);
	});

	it('joins for iMocha with bare commas', () => {
		expect(joinForImocha(['lead@example.com', 'hr@example.com'])).toBe('lead@example.com,hr@example.com');
	});
});

describe('cleanText', () => {
	it.each([
		['zero-width space (U+200B) inside', 'bob\u200B@example.com'],
		['byte-order mark (U+FEFF) in front', '\uFEFFbob@example.com'],
		['left-to-right mark (U+200E) at the end', 'bob@example.com\u200E'],
		['soft hyphen (U+00AD) and word joiner (U+2060)', 'bo\u00ADb@exa\u2060mple.com'],
		['white space around', '  bob@example.com \n'],
	])('removes a %s', (_, value) => {
		expect(cleanText(value)).toBe('bob@example.com');
	});
});
