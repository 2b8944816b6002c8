import { mappedFieldPath } from '../../../nodes/Imocha/operation/itemParameter';

describe('mappedFieldPath: the field mappings read without the expression engine', () => {
	it.each([
		['={{ $json.email }}', ['email']],
		['={{$json.email}}', ['email']],
		["={{ $json['First Name'] }}", ['First Name']],
		['={{ $json["e-mail"] }}', ['e-mail']],
		['={{ $json.contact.emails[0] }}', ['contact', 'emails', '0']],
		['={{ $json.a_b.$c }}', ['a_b', '$c']],
	])('takes %s', (raw, path) => {
		expect(mappedFieldPath(raw)).toEqual(path);
	});

	it.each([
		['a fixed value', 'ann@example.com'],
		['no leading =', '{{ $json.email }}'],
		['text around the expression', '={{ $json.first }} {{ $json.last }}'],
		['a call', '={{ $json.email.trim() }}'],
		['an operator', '={{ $json.email || "x" }}'],
		['parentheses', '={{ ($json.email) }}'],
		['another node', "={{ $('Sheet').item.json.email }}"],
		['an escape in brackets', "={{ $json['it\\'s'] }}"],
		['$json alone', '={{ $json }}'],
		['not a string', 42],
	])('leaves %s to n8n', (_, raw) => {
		expect(mappedFieldPath(raw)).toBeUndefined();
	});
});
