import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { endpoints, siRequest } from '../../api/intelligence';
import { toItems } from '../../operation/output';
import {
	checkJsonObject,
	employeeLocator,
	employeeStatusField,
	otherFieldsOption,
	readEmployeeId,
	readStatus,
} from '../../operation/intelligenceFields';
import type { ImochaOperation } from '../../operation/contract';

const properties: INodeProperties[] = [
	employeeLocator,
	{ ...employeeStatusField, description: 'Inactive deactivates the employee; Active re-activates them' },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [otherFieldsOption],
	},
];

const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['updateStatus'] } }, properties);

interface Input {
	employeeId: number;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const employeeId = readEmployeeId(this, itemIndex);
		const status = readStatus(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const other = checkJsonObject(this, itemIndex, 'Other Fields (JSON)', options.otherFields ?? {});
		return { employeeId, body: { ...other, status } };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await siRequest(this, endpoints.employeeStatus, { id: input.employeeId, body: input.body, itemIndex }));
	},
};
