import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../helpers/output';
import { simplify } from '../common.descriptions';
import { endpoints, readSkillsProfile } from '../intelligence/endpoints';
import { employeeLocator, readEmployeeId } from '../intelligence/fields';
import { siRequest } from '../intelligence/request';
import { simplifyProfile } from '../intelligence/simplify';
import type { ImochaOperation } from '../types';

const properties: INodeProperties[] = [
	{ ...employeeLocator, description: `${employeeLocator.description}. Returns one item: the employee and their skills.` },
	{
		...simplify,
		description:
			'Whether to keep only each skill\'s name, ID, classification, weighted proficiency, required proficiency, gap and experience instead of every validation source and AI rating',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getSkills'] } }, properties);

interface Input {
	employeeId: number;
	simplify: boolean;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return {
			employeeId: readEmployeeId(this, itemIndex),
			simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const body = await siRequest<unknown>(this, endpoints.employeeSkills, { id: input.employeeId, itemIndex });
		const profile = readSkillsProfile(body, input.employeeId);
		return toItems(input.simplify ? simplifyProfile(profile) : profile);
	},
};
