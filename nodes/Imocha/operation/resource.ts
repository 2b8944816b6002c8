import type { INodeProperties } from 'n8n-workflow';

import type { ImochaOperation, ImochaResource } from './contract';

/** A resource's parameters: its operation dropdown, then each operation's own fields. */
export function describeResource(
	operationField: INodeProperties,
	operations: Record<string, ImochaOperation>,
): ImochaResource {
	return {
		description: [operationField, ...Object.values(operations).flatMap((operation) => operation.description)],
		operations,
	};
}
