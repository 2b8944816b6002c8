import { SEEDED_TAXONOMY_SKILLS } from '../../../sandbox/seedIntelligence';
import { jsonOf, received, run, si, useSandbox } from '../../helpers/intelligence';

describe('Taxonomy (Skills Intelligence) > Get Skills', () => {
	const sandbox = useSandbox();

	it('reads GET /taxonomy with PageNumber/PageSize and simplifies each skill, exactly Limit', async () => {
		const output = await run(sandbox(), { resource: 'taxonomy', operation: 'getSkills', limit: 7 });

		expect(received(sandbox())).toEqual([{ method: 'GET', path: '/si/taxonomy', query: { PageNumber: '1', PageSize: '7' } }]);
		expect(output).toHaveLength(7);
		expect(output[0].json).toEqual({
			taxonomySkillId: 9001,
			name: 'Java',
			domain: 'Software Engineering',
			subdomain: expect.any(String),
			skillCluster: expect.any(String),
			classification: 'Technical',
			isCritical: true,
		});
	});

	it('returns all skills once with Return All, over three pages of 100', async () => {
		const output = await run(sandbox(), { resource: 'taxonomy', operation: 'getSkills', returnAll: true, simplify: false });

		expect(received(sandbox()).map((request) => request.query)).toEqual([
			{ PageNumber: '1', PageSize: '100' },
			{ PageNumber: '2', PageSize: '100' },
			{ PageNumber: '3', PageSize: '100' },
		]);
		const ids = jsonOf(output).map((skill) => skill.taxonomySkillId);
		expect(ids).toHaveLength(SEEDED_TAXONOMY_SKILLS);
		expect(new Set(ids).size).toBe(SEEDED_TAXONOMY_SKILLS);
		expect(output[0].json).toEqual(JSON.parse(JSON.stringify(si(sandbox()).taxonomy[0])));
	});

	it('stops at exactly a Limit that ends inside the third page', async () => {
		const output = await run(sandbox(), { resource: 'taxonomy', operation: 'getSkills', limit: 205 });
		expect(output).toHaveLength(205);
		expect(sandbox().requests).toHaveLength(3);
		expect(output.at(-1)?.json.taxonomySkillId).toBe(9001 + 204);
	});
});
