import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateUser } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { checkId } from '../../operation/validate';
import { businessUnitField, readUserEmail, userEmailField } from './fields';

const properties: INodeProperties[] = [
	userEmailField,
	{
		...businessUnitField,
		required: true,
		description: `The business unit to move the user to (the only thing iMocha lets you change). ${businessUnitField.description}`,
	},
];

const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['update'] } }, properties);

interface Input {
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		// Update User spells its fields in PascalCase (https://developer.imocha.io/update-user-18161003e0).
		return {
			body: {
				Email: readUserEmail(this, itemIndex),
				BusinessunitId: checkId(this, itemIndex, 'Business Unit', this.getNodeParameter('businessUnitId', itemIndex)),
			},
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await updateUser(this, input.body, itemIndex));
	},
};
