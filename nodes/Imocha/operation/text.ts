/**
 * Text pasted from spreadsheets, mail clients and chat tools carries invisible Unicode "format"
 * characters (category Cf): zero-width spaces (U+200B), byte-order marks (U+FEFF), direction
 * marks (U+200E/U+200F) and the like. They are never part of an email address or an iMocha ID,
 * and an address that contains one cannot receive mail, so they are removed before anything is
 * checked or sent.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** `value` without Unicode format characters and surrounding white space. */
export function cleanText(value: string): string {
	return value.replace(FORMAT_CHARACTERS, '').trim();
}
