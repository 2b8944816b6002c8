import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { handleResumeCallback, resumeWebhook } from './actions/invitation/resumeWebhook';
import { resources } from './actions/resources';
import { route } from './actions/router';
import { listSearch, loadOptions } from './methods';
import { requestOptionsField } from './operation/requestOptions';

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
		// Invitation > Invite and Wait for Result: iMocha posts the result to the execution's resume URL.
		webhooks: [resumeWebhook],
		waitingNodeTooltip: 'Waiting for iMocha to report the final result of the test (or for the time limit)',
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

	/**
	 * The only webhook is a resume webhook, which n8n serves while an execution waits and never
	 * registers on activation; iMocha has no webhook registration either (https://developer.imocha.io/callback-notification-1174961m0). So there
	 * is nothing to check, create or delete.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleResumeCallback.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return route.call(this);
	}
}
