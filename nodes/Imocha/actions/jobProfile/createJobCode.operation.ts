import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { endpoints, JOB_CODE_BODY_EXAMPLE, siRequest } from '../../api/intelligence';
import type { ImochaOperation } from '../../operation/contract';
import { checkJsonObject, jobProfileLocator, readJobProfileId } from '../../operation/intelligenceFields';
import { toItems } from '../../operation/output';
import { invalid } from '../../operation/validate';

const properties: INodeProperties[] = [
	{ ...jobProfileLocator, description: 'The job profile the new job code belongs to' },
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: JOB_CODE_BODY_EXAMPLE,
		required: true,
		description:
			"The job code to create, sent as it is. iMocha's page for this call was unavailable, so its fields are not known: jobCode is a guess from the operation's name. Check the fields with your iMocha contact.",
	},
];

const description = updateDisplayOptions({ show: { resource: ['jobProfile'], operation: ['createJobCode'] } }, properties);

interface Input {
	jobProfileId: number;
	body: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const jobProfileId = readJobProfileId(this, itemIndex);
		const body = checkJsonObject(this, itemIndex, 'Body (JSON)', this.getNodeParameter('body', itemIndex));
		if (!Object.keys(body).length) {
			throw invalid(this, itemIndex, 'Body (JSON)', 'is empty', 'Give the job code\'s fields, e.g. { "jobCode": "ENG-042" }.');
		}
		return { jobProfileId, body };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		return toItems(await siRequest(this, endpoints.jobCodeCreate, { id: input.jobProfileId, body: input.body, itemIndex }));
	},
};
