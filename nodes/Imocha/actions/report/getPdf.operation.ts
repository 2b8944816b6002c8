import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ImochaOperation } from '../../operation/contract';
import { readTestInvitationId } from '../../operation/testInvitationId';
import { checkText } from '../../operation/validate';
import { fetchReportPdf } from '../../reports/pdf';
import { reportInvitationField } from './fields';

const properties: INodeProperties[] = [
	reportInvitationField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the PDF in',
		description: 'The PDF arrives as a file named imocha-report-[Test Invitation ID].pdf, ready for email or storage nodes',
	},
];

const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getPdf'] } }, properties);

interface Input {
	testInvitationId: number;
	binaryPropertyName: string;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		return {
			testInvitationId: readTestInvitationId(this, itemIndex),
			binaryPropertyName: checkText(this, itemIndex, 'Put Output File in Field', this.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
		};
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const pdf = await fetchReportPdf(this, input.testInvitationId, itemIndex);
		const fileName = `imocha-report-${input.testInvitationId}.pdf`;
		const binary = await this.helpers.prepareBinaryData(pdf.data, fileName, 'application/pdf');
		return [
			{
				json: { testInvitationId: input.testInvitationId, fileName, ...(pdf.linkFollowed ? { pdfReportUrl: pdf.linkFollowed } : {}) },
				binary: { [input.binaryPropertyName]: binary },
			},
		];
	},
};
