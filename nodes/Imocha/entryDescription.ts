/**
 * The text of the iMocha entry in n8n's nodes panel. n8n lists `imocha` and `imochaTrigger` as one
 * entry and shows the trigger's description on it (n8n 2.40.7, editor's node-creator store), so both
 * nodes carry this one sentence, which covers what the entry holds: its actions and its trigger.
 */
export const ENTRY_DESCRIPTION =
	'Invite candidates to iMocha skills tests, start workflows on their results, read reports and manage Skills Intelligence data';
