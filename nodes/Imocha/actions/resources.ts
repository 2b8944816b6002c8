import type { INodePropertyOptions } from 'n8n-workflow';

import { test } from './test';
import type { ImochaResource } from './types';

/**
 * Resource values are stored in users' workflows: never rename one. The order here is the order
 * of the Resource dropdown.
 */
export const resources: Record<string, { option: INodePropertyOptions; resource: ImochaResource }> = {
	test: { option: { name: 'Test', value: 'test' }, resource: test },
};
