import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getAttempts from './getAttempts.operation';
import * as processCallbacks from './process.operation';
import * as replayMissed from './replayMissed.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['callback'] } },
	options: [
		{
			name: 'Get Attempts',
			value: 'getAttempts',
			description:
				'List finished invitations (completed, cancelled or expired) in a date range, including ones created in the iMocha app. One item per invitation; read scores with Report > Get.',
			action: 'Get attempts',
		},
		{
			name: 'Process',
			value: 'process',
			description:
				"Ask iMocha to send invitations' callbacks again (up to 100 IDs per call), e.g. after your endpoint was down. The callbacks arrive shortly after.",
			action: 'Process callbacks',
		},
		{
			name: 'Replay Missed Results',
			value: 'replayMissed',
			description:
				'For a date window, list the finished attempts and ask iMocha to send their callbacks again, 100 IDs per call. One item lists what was scheduled and what failed.',
			action: 'Replay missed results',
		},
	],
	default: 'getAttempts',
};

export const callback = describeResource(operationField, {
	process: processCallbacks.operation,
	getAttempts: getAttempts.operation,
	replayMissed: replayMissed.operation,
});
