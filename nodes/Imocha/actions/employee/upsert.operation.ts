import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type EmployeeStatus, endpoints, siRequest } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { checkJsonObject, employeeStatusField, otherFieldsOption, readStatus } from '../../operation/intelligenceFields';
import { toItems } from '../../operation/output';
import { checkEmail, checkText } from '../../operation/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'External Employee ID',
		name: 'externalEmployeeId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. EMP-0042',
		description:
			'Your own ID for the employee (HRIS or ATS ID). iMocha updates the employee whose External Employee ID and Email both match, and creates one otherwise.',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		required: true,
		description: 'The employee\'s email; matched together with the External Employee ID',
	},
	{
		...employeeStatusField,
		description: 'Active enrolls (or re-activates) the employee; Inactive deactivates them',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Full Name',
				name: 'fullName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane Doe',
				description:
					"The employee's name. Not on iMocha's enrollment page (only part of it was available); the name comes from the fullName field iMocha returns in skill profiles.",
			},
			otherFieldsOption,
		],
	},
];

const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['upsert'] } }, properties);

interface Input {
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const externalEmployeeId = checkText(this, itemIndex, 'External Employee ID', this.getNodeParameter('externalEmployeeId', itemIndex));
		const email = checkEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex));
		const status: EmployeeStatus = readStatus(this, itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const other = checkJsonObject(this, itemIndex, 'Other Fields (JSON)', additional.otherFields ?? {});
		const fullName =
			additional.fullName === undefined || additional.fullName === ''
				? undefined
				: checkText(this, itemIndex, 'Full Name', additional.fullName);
		return { body: { ...other, externalEmployeeId, email, status, ...(fullName ? { fullName } : {}) } };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await siRequest(this, endpoints.employeeUpsert, { body: input.body, itemIndex }));
	},
};
