import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from './actions/requestOptions';
import { resources } from './actions/resources';
import { route } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Imocha implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iMocha',
		name: 'imocha',
		icon: { light: 'file:imocha.svg', dark: 'file:imocha.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Invite candidates to iMocha skills tests, read reports and manage Skills Intelligence data',
		defaults: { name: 'iMocha' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imochaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: Object.values(resources).map((entry) => entry.option),
				default: 'invitation',
			},
			...Object.values(resources).flatMap((entry) => entry.resource.description),
			requestOptionsField,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return route.call(this);
	}
}
