import { trustedLink } from '../../../nodes/Imocha/reports/pdf';

describe('trustedLink (which PDF links the API key may follow)', () => {
	const base = 'https://apiv3.imocha.io';

	it.each([
		'https://app.imocha.io/PDFReport?id=OXP5R5ayMu8nrHfnh2g%3d%3d',
		'https://imocha.io/report.pdf',
		'https://apiv3.interviewmocha.com/v3/reports/1/file',
		'https://apiv3.imocha.io/anything',
	])('follows %s', (link) => {
		expect(trustedLink(link, base)?.toString()).toBe(new URL(link).toString());
	});

	it.each([
		'http://app.imocha.io/PDFReport?id=1',
		'https://app.imocha.io.evil.example/PDFReport?id=1',
		'https://notimocha.io/report.pdf',
		'https://imdatastorage.blob.core.windows.net/reports/1.pdf',
		'javascript:alert(1)',
		'not a url',
	])('refuses %s', (link) => {
		expect(trustedLink(link, base)).toBeUndefined();
	});

	it('follows any link on the origin of a custom base URL (the sandbox), but not another port', () => {
		expect(trustedLink('http://127.0.0.1:4010/PDFReport?id=5', 'http://127.0.0.1:4010')).toBeDefined();
		expect(trustedLink('http://127.0.0.1:9999/PDFReport?id=5', 'http://127.0.0.1:4010')).toBeUndefined();
	});
});
