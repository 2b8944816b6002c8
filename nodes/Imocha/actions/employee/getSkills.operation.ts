import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { endpoints, readSkillsProfile, siRequest } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { simplify } from '../../operation/fields';
import { employeeLocator, readEmployeeId } from '../../operation/intelligenceFields';
import { toItems } from '../../operation/output';
import { simplifyProfile } from '../../operation/simplifyIntelligence';

const properties: INodeProperties[] = [
	{ ...employeeLocator, description: `${employeeLocator.description}. Returns one item: the employee and their skills.` },
	{
		...simplify,
		description:
			'Whether to keep only each skill\'s name, ID, classification, weighted proficiency, required proficiency, gap and experience instead of every validation source and AI rating',
	},
];

const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getSkills'] } }, properties);

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
