import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { resources } from '../../nodes/Imocha/actions/resources';
import { ImochaPollTrigger } from '../../nodes/Imocha/ImochaPollTrigger.node';
import { ImochaTrigger } from '../../nodes/Imocha/ImochaTrigger.node';
import { imochaNode } from '../helpers/runNode';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, any>;
	credentials?: Record<string, { name: string }>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const load = (file: string) => JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as Workflow;

/** The node's parameters a user sees for this resource and operation. */
function visible(resource: string, operation: string): INodeProperties[] {
	return imochaNode.description.properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		return (!show.resource || show.resource.includes(resource)) && (!show.operation || show.operation.includes(operation));
	});
}

describe.each([
	['invite-and-wait.json', [['invitation', 'inviteAndWait'], ['invitation', 'sendReminder']]],
	['send-reminders.json', [['invitation', 'sendReminder']]],
	['replay-missed-results.json', [['callback', 'replayMissed']]],
	[
		'invite-then-fetch-reports.json',
		[
			['invitation', 'invite'],
			['report', 'get'],
			['report', 'get'],
			['report', 'getPdf'],
		],
	],
])('Example %s', (file, expected) => {
	const workflow = load(file);
	const imochaNodes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-imocha.imocha');

	it('uses existing operations with only parameters the node shows for them', () => {
		expect(imochaNodes.map((node) => [node.parameters.resource, node.parameters.operation])).toEqual(expected);
		for (const node of imochaNodes) {
			const { resource, operation, ...rest } = node.parameters;
			expect(resources[resource].resource.operations[operation]).toBeDefined();
			const names = visible(resource, operation).map((property) => property.name);
			for (const name of Object.keys(rest)) expect(names).toContain(name);
			expect(node.credentials).toEqual({ imochaApi: expect.objectContaining({ name: 'iMocha sandbox' }) });
		}
	});

	it('connects every node', () => {
		const targets = new Set(Object.values(workflow.connections).flatMap((entry) => entry.main.flat().map((link) => link.node)));
		const sources = Object.keys(workflow.connections);
		// Sticky notes are never connected.
		const linked = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
		for (const node of linked) expect(targets.has(node.name) || sources.includes(node.name)).toBe(true);
	});
});

describe('every example', () => {
	const packageNodes: Record<string, INodeTypeDescription> = {
		'n8n-nodes-imocha.imocha': imochaNode.description,
		'n8n-nodes-imocha.imochaTrigger': new ImochaTrigger().description,
		'n8n-nodes-imocha.imochaPollTrigger': new ImochaPollTrigger().description,
	};
	/** What the editor adds today: the default version, else the newest. */
	const current = (description: INodeTypeDescription) =>
		description.defaultVersion ?? Math.max(...[description.version].flat());

	it.each(readdirSync(join(__dirname, '../../examples')).filter((file) => file.endsWith('.json')))(
		'%s uses the version of each package node that the editor adds (older versions keep older behaviour)',
		(file) => {
			const nodes = (load(file).nodes as Array<WorkflowNode & { typeVersion: number }>).filter((node) => node.type.startsWith('n8n-nodes-imocha.'));
			expect(nodes.length).toBeGreaterThan(0);
			for (const node of nodes) expect([node.name, node.typeVersion]).toEqual([node.name, current(packageNodes[node.type])]);
		},
	);
});
