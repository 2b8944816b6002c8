import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createUser } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { checkId, checkText } from '../../operation/validate';
import { businessUnitField, readUserEmail, userEmailField } from './fields';

const properties: INodeProperties[] = [
	{ ...userEmailField, description: 'Email address of the new user; it must not belong to another iMocha user' },
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Rita Reviewer',
		description: 'The new user\'s full name',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ ...businessUnitField, description: `${businessUnitField.description} Without it iMocha uses your default business unit.` }],
	},
];

const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

interface Input {
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		// Casing as the documented example sends it: `fullName`, `businessunitId` (https://developer.imocha.io/create-new-user-18160861e0).
		const body: IDataObject = {
			email: readUserEmail(this, itemIndex),
			fullName: checkText(this, itemIndex, 'Full Name', this.getNodeParameter('fullName', itemIndex)),
		};
		const unit = fields.businessUnitId;
		if (unit !== undefined && unit !== null && unit !== '') {
			body.businessunitId = checkId(this, itemIndex, 'Business Unit', unit);
		}
		return { body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await createUser(this, input.body, itemIndex));
	},
};
