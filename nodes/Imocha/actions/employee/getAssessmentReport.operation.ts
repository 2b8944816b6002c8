import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../helpers/output';
import { endpoints } from '../intelligence/endpoints';
import { employeeLocator, readEmployeeId } from '../intelligence/fields';
import { siRequest } from '../intelligence/request';
import type { ImochaOperation } from '../types';

const properties: INodeProperties[] = [
	{
		...employeeLocator,
		description: `${employeeLocator.description}. Returns iMocha's answer as it is: its format is not documented.`,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['employee'], operation: ['getAssessmentReport'] } },
	properties,
);

interface Input {
	employeeId: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return { employeeId: readEmployeeId(this, itemIndex) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await siRequest<IDataObject>(this, endpoints.employeeAssessmentReport, { id: input.employeeId, itemIndex }));
	},
};
