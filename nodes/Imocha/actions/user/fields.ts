import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkEmail } from '../../operation/validate';

export const userEmailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. reviewer@example.com',
	description: 'The email address of the iMocha user (a recruiter-side account, not a candidate)',
};

export const businessUnitField: INodeProperties = {
	displayName: 'Business Unit Name or ID',
	name: 'businessUnitId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getBusinessUnits' },
	default: '',
	description:
		'The business unit the user belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function readUserEmail(context: IExecuteFunctions, itemIndex: number): string {
	return checkEmail(context, itemIndex, 'Email', context.getNodeParameter('email', itemIndex));
}
