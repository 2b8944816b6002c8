import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * One operation of the node. `prepare` reads and validates an item's parameters without any
 * HTTP, so that bad input fails before a single request is sent; `execute` calls iMocha through
 * the transport and shapes the output (the router adds pairedItem).
 */
export interface ImochaOperation<Input = unknown> {
	description: INodeProperties[];
	prepare(this: IExecuteFunctions, itemIndex: number): Input | Promise<Input>;
	execute(this: IExecuteFunctions, input: Input, itemIndex: number): Promise<INodeExecutionData[]>;
}

export interface ImochaResource {
	/** The operation dropdown of this resource plus every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, ImochaOperation>;
}

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
