import type { IDataObject, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { getReport } from '../../api/assessment';
import { decideCallback, resultItem } from './waitForResult';

/**
 * The resume webhook of "Invite and Wait for Result". n8n serves it at the waiting execution's
 * resume URL ($execution.resumeUrl, which carries the execution's resume token), and only while
 * the execution waits; there is nothing to register at iMocha.
 */
export const resumeWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: '',
	restartWebhook: true,
};

/**
 * Answers every callback itself. A webhook that returns no workflowData leaves the execution
 * waiting (n8n 2.40.7 only answers the request), which is how "In Progress" is acknowledged
 * without resuming. iMocha gets its 200 before the report is fetched, so it never retries
 * because of a slow report.
 */
export async function handleResumeCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const res = this.getResponseObject();
	const request = this.getRequestObject();
	const decision = decideCallback(this.getBodyData(), request.rawBody);
	if (!decision.resume) {
		if (decision.warning) this.logger.warn(decision.warning);
		res.status(decision.httpStatus).json(decision.answer);
		return { noWebhookResponse: true };
	}
	res.status(200).json({ received: true, resumed: true });

	const { event } = decision;
	const includeReport = this.getNodeParameter('waitOptions.includeReport', false) as boolean;
	if (!includeReport) return { noWebhookResponse: true, workflowData: [[resultItem(event)]] };

	const reportType = Number(this.getNodeParameter('waitOptions.reportType', 1));
	let report: IDataObject | undefined;
	let reportError: string | undefined;
	try {
		report = await getReport(this, event.testInvitationId, { reportType });
	} catch (error) {
		// The result is kept rather than lost: the next node sees why the report is missing.
		reportError = (error as Error).message;
	}
	return { noWebhookResponse: true, workflowData: [[resultItem(event, report, reportError)]] };
}
