import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

import packageJson from '../../package.json';

const root = join(__dirname, '..', '..');

/** What n8n needs to load the package, checked on the built output (npm test builds first). */
describe('package.json', () => {
	const listed = [...packageJson.n8n.credentials, ...packageJson.n8n.nodes];

	it('ships no runtime dependency and exactly n8n-workflow as peer', () => {
		expect((packageJson as { dependencies?: object }).dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.license).toBe('MIT');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
	});

	it.each(listed)('%s exists after the build and exports a class named like the file', (file) => {
		const path = join(root, file);
		expect(existsSync(path)).toBe(true);
		const className = basename(file).split('.')[0];
		const exported = require(path)[className];
		expect(typeof exported).toBe('function');
		const instance = new exported();
		expect(instance.description ?? instance.name).toBeDefined();
	});

	it('lists every node source file', () => {
		const sources = readdirSync(join(root, 'nodes'), { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('.node.ts'),
		);
		const expected = sources.map((source) => `dist/nodes/${source.replace(/\.ts$/, '.js')}`).sort();
		expect(sources.length).toBeGreaterThan(0);
		expect([...packageJson.n8n.nodes].sort()).toEqual(expected);
	});

	it('has icons beside every built node and credential', () => {
		for (const file of listed) {
			const folder = join(root, file, '..');
			expect(existsSync(join(folder, 'imocha.svg'))).toBe(true);
			expect(existsSync(join(folder, 'imocha.dark.svg'))).toBe(true);
		}
	});
});
