import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getItemParameter } from './itemParameter';
import { checkId } from './validate';

export const testInvitationIdField: INodeProperties = {
	displayName: 'Test Invitation ID',
	name: 'testInvitationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 2807324',
	description: 'The invitation: the testInvitationId returned by an invite, a reattempt or the iMocha Trigger',
};

export function readTestInvitationId(context: IExecuteFunctions, itemIndex: number): number {
	return checkId(context, itemIndex, 'Test Invitation ID', getItemParameter(context, 'testInvitationId', itemIndex));
}
