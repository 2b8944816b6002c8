import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { handleCallback } from './trigger/handleCallback';
import { activationWarnings, withoutQuery } from './trigger/lifecycle';
import { readSettings } from './trigger/settings';

/** Static-data key remembering the URL that passed validation (checkExists reads it). */
const VALIDATED_URL = 'validatedUrl';

export class ImochaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iMocha Trigger',
		name: 'imochaTrigger',
		icon: { light: 'file:imocha.svg', dark: 'file:imocha.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"on " + ($parameter["statuses"] || []).join(", ")}}',
		description: 'Starts the workflow when a candidate starts or finishes an iMocha test',
		defaults: { name: 'iMocha Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imochaApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
		triggerPanel: {
			header: 'iMocha posts to this trigger when a candidate starts and finishes a test',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click 'Listen for test event' and POST a callback to the <b>test URL</b> (an empty POST gives a sample event). The test URL works only while the editor listens, and iMocha never knows it. <br /><br /><b>Once you're happy with your workflow</b>, publish it. From then on, invitations sent by the iMocha node carry the <b>production URL</b>, and every callback starts a run you can see in the executions list.",
				active:
					"<b>While building your workflow</b>, click 'Listen for test event' and POST a callback to the <b>test URL</b> (an empty POST gives a sample event). <br /><br /><b>Your workflow is active</b>: invitations sent by the iMocha node carry the <b>production URL</b>, and each callback that passes the filters starts a run you can see in the executions list. Invitations created before activation keep the URL they were sent with.",
			},
			activationHint:
				"Publish the workflow, then invite candidates with the iMocha node: each invitation carries this trigger's production URL. iMocha only posts to https URLs.",
		},
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			// Nothing is registered at iMocha (it has no webhook API); "exists" means this URL was validated.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				return staticData[VALIDATED_URL] === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				const credentials = await this.getCredentials('imochaApi');
				const settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
				if (settings.invalidTestIds.length) {
					throw new NodeOperationError(this.getNode(), `Test IDs must be numbers: ${settings.invalidTestIds.join(', ')}`, {
						description: 'Enter the iMocha test IDs separated by commas, e.g. 292930, 1134601.',
					});
				}
				const path = String(this.getNodeParameter('path', ''));
				for (const warning of activationWarnings(url, path, String(credentials.callbackSecret ?? ''))) {
					this.logger.warn(warning);
				}
				this.logger.info(`iMocha Trigger listening on ${withoutQuery(url)}`);
				this.getWorkflowStaticData('node')[VALIDATED_URL] = url;
				return true;
			},
			// Nothing to remove at iMocha; invitations already sent keep their URL.
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node')[VALIDATED_URL];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		try {
			return await handleCallback.call(this);
		} catch (error) {
			// Answer 500 so iMocha retries (and Process Callbacks can replay); the trigger stays up.
			this.logger.error(`iMocha Trigger could not process a callback: ${(error as Error).message}`);
			const res = this.getResponseObject();
			if (!res.headersSent) res.status(500).json({ message: 'The iMocha Trigger could not process the callback' });
			return { noWebhookResponse: true };
		}
	}
}
