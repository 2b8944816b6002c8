import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { forgetTriggerUrl, rememberTriggerUrl } from './callbacks/listening';
import { triggerPathProblem } from './callbacks/url';
import { ENTRY_DESCRIPTION } from './entryDescription';
import { triggerProperties } from './trigger/description';
import { handleCallback } from './trigger/handleCallback';
import { activationWarnings, withoutQuery } from './trigger/lifecycle';
import { runTriggerStep } from './trigger/runStep';
import { readSettings } from './trigger/settings';
import { callbackWebhook } from './trigger/webhook';

/** Static-data key remembering the URL that passed validation (checkExists reads it). */
const VALIDATED_URL = 'validatedUrl';

export class ImochaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'iMocha Trigger',
		name: 'imochaTrigger',
		icon: { light: 'file:imocha.svg', dark: 'file:imocha.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n treats every version-1 webhook node as its own Webhook node's first
		// version and evaluates `$parameter["options"]["binaryData"]` in its expression engine on
		// each request (n8n 2.40.7 `webhook-helpers.js`, `parseRequestBody`): version 1.1 skips that
		// (README, "Trigger throughput"). Saved workflows keep version 1 and work as before.
		version: [1, 1.1],
		subtitle: '={{"on " + ($parameter["statuses"] || []).join(", ")}}',
		description: ENTRY_DESCRIPTION,
		documentationUrl: 'https://github.com/n8n-nodes-imocha/n8n-nodes-imocha#imocha-trigger-webhook',
		defaults: { name: 'iMocha Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'imochaApi', required: true }],
		webhooks: [callbackWebhook],
		triggerPanel: {
			header: 'iMocha posts to this trigger when a candidate starts and finishes a test',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click <b>Execute step</b>, then POST a callback to the <b>test URL</b> with <code>?token=</code> and the credential's Callback Secret added (with the token, an empty POST gives a sample event; without it n8n keeps listening and the POST gets a 401 that says so). The test URL works only while the editor listens, and iMocha never knows it. <br /><br /><b>Once you're happy with your workflow</b>, publish it: invitations sent by the iMocha node then carry the <b>production URL</b>, and every callback starts a run you can see in the executions list.",
				active:
					"<b>While building your workflow</b>, click <b>Execute step</b>, then POST a callback to the <b>test URL</b> with <code>?token=</code> and the credential's Callback Secret added (with the token, an empty POST gives a sample event; without it n8n keeps listening and the POST gets a 401 that says so). <br /><br /><b>This workflow is published</b>: invitations sent by the iMocha node carry the <b>production URL</b>, and each callback that passes the filters starts a run you can see in the executions list. Invitations created before publishing keep the URL they were sent with.",
			},
			activationHint: {
				inactive:
					"Publish the workflow, then invite candidates with the iMocha node: each invitation carries this trigger's production URL. iMocha only posts to https URLs.",
				active:
					"Published: invitations the iMocha node sends from now on carry this trigger's production URL. iMocha only posts to https URLs.",
			},
		},
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			// Nothing is registered at iMocha (it has no webhook API); "exists" means this URL was validated.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const url = this.getNodeWebhookUrl('default');
				const path = String(this.getNodeParameter('path', ''));
				if (staticData[VALIDATED_URL] !== url || triggerPathProblem(path)) return false;
				// After a restart n8n only checks: the URL must be known again to the invite operations.
				if (this.getMode() !== 'manual' && url) rememberTriggerUrl(path, url);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				const credentials = await this.getCredentials('imochaApi');
				const settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
				if (settings.invalidTestIds.length) {
					throw new NodeOperationError(this.getNode(), `Test IDs must be numbers: ${settings.invalidTestIds.join(', ')}`, {
						description: 'Enter the iMocha test IDs separated by commas, semicolons or line breaks, e.g. 292930, 1134601.',
					});
				}
				const path = String(this.getNodeParameter('path', ''));
				const problem = triggerPathProblem(path);
				if (problem) {
					throw new NodeOperationError(this.getNode(), `The Path ${problem}`, {
						description: 'Use a plain path without ":" (e.g. imocha-callbacks), and the same Trigger Path in the iMocha node.',
					});
				}
				for (const warning of activationWarnings(url, path, String(credentials.callbackSecret ?? ''))) {
					this.logger.warn(warning);
				}
				this.logger.info(`iMocha Trigger listening on ${withoutQuery(url)}`);
				this.getWorkflowStaticData('node')[VALIDATED_URL] = url;
				// Test URLs (manual mode) are not what invitations should carry.
				if (this.getMode() !== 'manual' && url) rememberTriggerUrl(path, url);
				return true;
			},
			// Nothing to remove at iMocha; invitations already sent keep their URL.
			async delete(this: IHookFunctions): Promise<boolean> {
				if (this.getMode() !== 'manual') forgetTriggerUrl(String(this.getNodeParameter('path', '')), this.getNodeWebhookUrl('default'));
				delete this.getWorkflowStaticData('node')[VALIDATED_URL];
				return true;
			},
		},
	};

	/** The run's first step: claims the callback and adds the report (see trigger/runStep.ts). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runTriggerStep.call(this);
	}

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
