import type { IDataObject } from 'n8n-workflow';

import { field } from '../api/read';

/**
 * The callback's fields, from whatever n8n made of the request. iMocha documents a JSON body
 * (https://developer.imocha.io/callback-notification-1174961m0), but senders often post JSON
 * without `application/json` (`curl -d` labels it a form). n8n then parses it as a form and the
 * whole JSON text becomes one key with an empty value, so the raw bytes are read instead. Real
 * form fields (`TestInvitationId=1&Status=Complete`) and JSON sent as text work too.
 *
 * Returns the first candidate that names a TestInvitationId, else the first object found (so the
 * caller can say what is missing), else undefined.
 */
export function readCallbackRecord(body: unknown, rawBody: unknown): IDataObject | undefined {
	const records = [toRecord(body), toRecord(rawBody)].filter((record): record is IDataObject => record !== undefined);
	return records.find((record) => field(record, 'TestInvitationId') !== undefined) ?? records[0];
}

function toRecord(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null) return undefined;
	if (Buffer.isBuffer(value)) return toRecord(value.toString('utf8'));
	if (typeof value === 'string') return fromText(value);
	if (typeof value !== 'object' || Array.isArray(value)) return undefined;
	return Object.keys(value).length ? (value as IDataObject) : undefined;
}

function fromText(value: string): IDataObject | undefined {
	const text = value.replace(/^\uFEFF/, '').trim();
	if (!text) return undefined;
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return toRecord(JSON.parse(text));
		} catch {
			return undefined;
		}
	}
	if (!/^[^=&]+=[^&]*(&[^=&]+=[^&]*)*$/.test(text)) return undefined;
	const record: IDataObject = {};
	for (const [key, entry] of new URLSearchParams(text)) record[key] = entry;
	return record;
}
