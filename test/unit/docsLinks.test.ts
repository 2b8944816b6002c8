import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import packageJson from '../../package.json';

const root = join(__dirname, '..', '..');
/** The package's documentation is its README, as shown on the homepage. */
const docsBase = packageJson.homepage.replace(/#.*$/, '');

/** GitHub's heading anchors: lowercased, punctuation dropped, spaces become hyphens. */
function readmeAnchors(): Set<string> {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const headings = readme.split('\n').filter((line) => /^#{1,6} /.test(line));
	return new Set(
		headings.map((line) =>
			line
				.replace(/^#+ /, '')
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		),
	);
}

/** The class a built file exports under the file's own name (n8n's convention). */
function instantiate<T>(file: string): T {
	const className = basename(file).split('.')[0];
	return new (require(join(root, file))[className] as new () => T)();
}

function expectReadmeLink(url: string | undefined, where: string): void {
	const [base, anchor] = (url ?? '').split('#');
	expect({ where, base }).toEqual({ where, base: docsBase });
	expect({ where, anchorInReadme: readmeAnchors().has(anchor) }).toEqual({ where, anchorInReadme: true });
}

/** The "Docs" links n8n shows, checked on the built package (npm test builds first). */
describe('documentation links', () => {
	it.each(packageJson.n8n.credentials)('%s links its docs to the README', (file) => {
		const credential = instantiate<{ documentationUrl: string }>(file);
		expectReadmeLink(credential.documentationUrl, file);
	});

	it.each(packageJson.n8n.nodes)('%s and its codex link to the README and list categories', (file) => {
		const node = instantiate<{ description: { name: string; documentationUrl?: string } }>(file);
		expectReadmeLink(node.description.documentationUrl, file);

		const codexFile = join(root, file.replace(/\.js$/, '.json'));
		expect(existsSync(codexFile)).toBe(true);
		const codex = JSON.parse(readFileSync(codexFile, 'utf8'));
		expect(codex.node).toBe(`${packageJson.name}.${node.description.name}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(codex.resources.primaryDocumentation[0].url).toBe(node.description.documentationUrl);
		expectReadmeLink(codex.resources.credentialDocumentation[0].url, `${file} codex`);
		for (const link of codex.resources.generic ?? []) expect(link.url).toMatch(/^https:\/\/developer\.imocha\.io\//);
	});
});
