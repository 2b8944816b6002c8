import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { endpoints, siRequest } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { jobProfileLocator, readJobProfileId } from '../../operation/intelligenceFields';
import { toItems } from '../../operation/output';

const properties: INodeProperties[] = [
	{ ...jobProfileLocator, description: 'The job profile to retrieve, with the skills it requires' },
];

const description = updateDisplayOptions({ show: { resource: ['jobProfile'], operation: ['get'] } }, properties);

interface Input {
	jobProfileId: number;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return { jobProfileId: readJobProfileId(this, itemIndex) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await siRequest<IDataObject>(this, endpoints.jobProfile, { id: input.jobProfileId, itemIndex }));
	},
};
