import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resources } from '../../nodes/Imocha/actions/resources';
import { SAMPLE_COMPLETE } from '../../nodes/Imocha/callbacks/samples';
import { byId, run, useSandbox } from '../helpers/intelligence';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
	credentials?: Record<string, { name: string }>;
}

const workflow = JSON.parse(readFileSync(join(__dirname, '../../examples/enroll-after-assessment.json'), 'utf8')) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const node = (name: string) => workflow.nodes.find((entry) => entry.name === name) as WorkflowNode;

describe('Example: enroll after assessment', () => {
	const sandbox = useSandbox();

	it('chains iMocha Trigger (Complete) -> Create or Update employee -> Get Skills -> Career Path', () => {
		const chain = ['iMocha Trigger'];
		while (workflow.connections[chain.at(-1) as string]) chain.push(workflow.connections[chain.at(-1) as string].main[0][0].node);
		expect(chain).toEqual(['iMocha Trigger', 'Enroll Employee', 'Get Skills Profile', 'Get Career Path']);

		expect(node('iMocha Trigger')).toMatchObject({ type: 'n8n-nodes-imocha.imochaTrigger', parameters: { statuses: ['complete'] } });
		const steps = chain.slice(1).map(node);
		expect(steps.map((step) => [step.type, step.parameters.resource, step.parameters.operation])).toEqual([
			['n8n-nodes-imocha.imocha', 'employee', 'upsert'],
			['n8n-nodes-imocha.imocha', 'employee', 'getSkills'],
			['n8n-nodes-imocha.imocha', 'careerPath', 'get'],
		]);
		for (const step of steps) expect(resources[step.parameters.resource].resource.operations[step.parameters.operation]).toBeDefined();
		for (const entry of workflow.nodes.filter((candidate) => candidate.type.startsWith('n8n-nodes-imocha.'))) {
			expect(entry.credentials).toEqual({ imochaApi: expect.objectContaining({ name: 'iMocha sandbox' }) });
		}
	});

	it('works end to end against the sandbox with the trigger\'s sample callback', async () => {
		const upsert = node('Enroll Employee').parameters;
		const email = SAMPLE_COMPLETE.CandidateEmailId as string;
		expect(upsert.email).toBe('={{ $json.CandidateEmailId }}');

		const [enrolled] = await run(sandbox(), { ...upsert, externalEmployeeId: email, email });
		const employeeId = enrolled.json.employeeId as number;
		expect(enrolled.json).toMatchObject({ email, status: 'Active' });

		const [profile] = await run(sandbox(), { ...node('Get Skills Profile').parameters, employeeId: byId(employeeId) });
		expect(profile.json).toMatchObject({ employeeId, email, skills: [] });

		const [path] = await run(sandbox(), { ...node('Get Career Path').parameters, employeeId: byId(employeeId) });
		expect(path.json).toMatchObject({ employeeId, careerPaths: expect.any(Array) });

		expect(sandbox().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /si/employees/upsert',
			`GET /si/employees/${employeeId}/skills-profile`,
			`GET /si/employees/${employeeId}/career-path`,
		]);
	});
});
