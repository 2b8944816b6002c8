/**
 * The workflows `npm start` imports: the README's examples (examples/*.json) and a tour, one
 * workflow per resource with every operation filled in with the sandbox's data, run from the
 * editor's "Execute workflow" button. All of them use the sandbox credential.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { resourceWorkflows } from '../workflows/resources';
import type { CredentialRef } from '../workflows/chain';

const PACKAGE_PREFIX = 'n8n-nodes-imocha.';
const TRIGGER_TYPE = `${PACKAGE_PREFIX}imochaTrigger`;

interface WorkflowNode {
	type: string;
	credentials?: Record<string, unknown>;
	parameters?: Record<string, unknown>;
}

export interface StartWorkflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	/** Activated once n8n runs: it holds the iMocha Trigger, so callbacks reach it. */
	activate: boolean;
	[key: string]: unknown;
}

/** n8n workflow IDs are 16 characters; a file name makes a stable one. */
function idFromFile(file: string): string {
	const base = path.basename(file, '.json').replace(/[^A-Za-z0-9]/g, '');
	return `ex${base}`.slice(0, 16).padEnd(16, '0');
}

const triggerPaths = (workflow: StartWorkflow): string[] =>
	workflow.nodes.filter((node) => node.type === TRIGGER_TYPE).map((node) => String(node.parameters?.path ?? 'imocha-callbacks'));

const invitesToTrigger = (workflow: StartWorkflow): boolean =>
	workflow.nodes.some((node) => node.type.startsWith(PACKAGE_PREFIX) && node.parameters?.callbackTarget === 'trigger');

/**
 * Marks the examples to activate: those with an iMocha Trigger, one per trigger path (n8n serves a
 * path from one workflow). Where examples share a path, the one that also invites wins: clicking
 * it then shows the whole loop.
 */
function chooseActive(workflows: StartWorkflow[]): StartWorkflow[] {
	const claimed = new Set<string>();
	const candidates = workflows
		.filter((workflow) => triggerPaths(workflow).length)
		.sort((a, b) => Number(invitesToTrigger(b)) - Number(invitesToTrigger(a)));
	for (const workflow of candidates) {
		const paths = triggerPaths(workflow);
		if (paths.some((entry) => claimed.has(entry))) continue;
		paths.forEach((entry) => claimed.add(entry));
		workflow.activate = true;
	}
	return workflows;
}

export function exampleWorkflows(repoRoot: string, credential: CredentialRef): StartWorkflow[] {
	const dir = path.join(repoRoot, 'examples');
	if (!fs.existsSync(dir)) return [];
	const workflows = fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as StartWorkflow;
			for (const node of workflow.nodes) {
				if (node.credentials?.imochaApi) node.credentials.imochaApi = { ...credential };
			}
			return {
				...workflow,
				id: typeof workflow.id === 'string' && workflow.id ? workflow.id : idFromFile(file),
				active: false,
				activate: false,
			};
		});
	return chooseActive(workflows);
}

const TITLES: Record<string, string> = {
	invitation: 'Invitation',
	test: 'Test',
	testLink: 'Test Link',
	report: 'Report',
	callback: 'Callback',
	gdpr: 'GDPR',
	user: 'User',
	businessUnit: 'Business Unit',
	timezone: 'Timezone',
	employee: 'Employee (Skills Intelligence)',
	jobProfile: 'Job Profile (Skills Intelligence)',
	taxonomy: 'Taxonomy (Skills Intelligence)',
	careerPath: 'Career Path (Skills Intelligence)',
	account: 'Account (Skills Intelligence)',
};

export function tourWorkflows(credential: CredentialRef): StartWorkflow[] {
	const tour = resourceWorkflows(credential, 'manual');
	// The tour's invitation reports back to the examples' iMocha Trigger: play the candidate to see it fire.
	const invite = tour.invitation.nodes.find((node) => node.name === 'Invite');
	if (invite) invite.parameters = { ...invite.parameters, callbackTarget: 'trigger' };
	return Object.entries(tour).map(([resource, workflow], index) => ({
		...workflow,
		id: `tour${String(index + 1).padStart(2, '0')}${resource}`.slice(0, 16).padEnd(16, '0'),
		name: `Tour ${String(index + 1).padStart(2, '0')}: ${TITLES[resource] ?? resource} (every operation)`,
		activate: false,
	}));
}
