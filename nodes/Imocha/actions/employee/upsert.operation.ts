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
					"The employee's name, sent as fullName. Kept for workflows saved with node version 1 only: iMocha's enrollment page does not name this field, so newer versions send it only when given in Other Fields (JSON).",
				// The reference names no fullName on enrollment (https://developer.imocha.io/employee-enrollment-18892719e0): version 1.1 offers it only through Other Fields.
				displayOptions: { show: { '@version': [1] } },
			},
			{
				...otherFieldsOption,
				description: `${otherFieldsOption.description ?? ''} For the employee's name, e.g. {"fullName": "Jane Doe"}: skill profiles return fullName, but the enrollment page does not name it.`,
			},
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
