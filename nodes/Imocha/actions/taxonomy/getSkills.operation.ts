import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { endpoints, siList } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { limit, returnAll, simplify } from '../../operation/fields';
import { readListInput, type ListInput } from '../../operation/list';
import { toItems } from '../../operation/output';
import { simplifyTaxonomySkill } from '../../operation/simplifyIntelligence';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	{
		...simplify,
		description:
			'Whether to return each skill as its ID, name, domain, subdomain, cluster, classification and critical flag instead of the full record',
	},
];

const description = updateDisplayOptions({ show: { resource: ['taxonomy'], operation: ['getSkills'] } }, properties);

interface Input extends ListInput {
	simplify: boolean;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return {
			...readListInput(this, itemIndex),
			simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean,
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const skills = await siList(this, endpoints.taxonomySkills, input, { itemIndex });
		return toItems(input.simplify ? skills.map(simplifyTaxonomySkill) : skills);
	},
};
