import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getReport } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { simplify } from '../../operation/fields';
import { toItems } from '../../operation/output';
import { readTestInvitationId } from '../../operation/testInvitationId';
import { invalid } from '../../operation/validate';
import { reportTypeField } from '../../reports/options';
import { reportInvitationField, simplifyReport } from './fields';

const REPORT_TYPES = [1, 2, 3] as const;

const properties: INodeProperties[] = [
	reportInvitationField,
	{ ...reportTypeField, description: 'How much detail iMocha returns. Simplify drops the section and skill detail.' },
	{
		...simplify,
		description:
			'Whether to return only the key fields (candidate, status, points, percentage, performance category, PDF link) instead of the full report',
	},
];

const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['get'] } }, properties);

interface Input {
	testInvitationId: number;
	reportType: number;
	simplify: boolean;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const testInvitationId = readTestInvitationId(this, itemIndex);
		const raw = this.getNodeParameter('reportType', itemIndex, 1);
		const reportType = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
		if (!REPORT_TYPES.includes(reportType as 1)) {
			throw invalid(
				this,
				itemIndex,
				'Report Type',
				`must be 1, 2 or 3 (got ${JSON.stringify(raw)})`,
				'1 = section-wise summary, 2 = skill-wise, 3 = both.',
			);
		}
		return { testInvitationId, reportType: reportType as number, simplify: this.getNodeParameter('simplify', itemIndex, true) as boolean };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		const report = await getReport(this, input.testInvitationId, { reportType: input.reportType, itemIndex });
		return toItems(input.simplify ? simplifyReport(report) : report);
	},
};
