import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkId } from './validate';

/** Parameters several operations share; each operation scopes them with updateDisplayOptions. */

export const testLocator: INodeProperties = {
	displayName: 'Test',
	name: 'testId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The iMocha test',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTests', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1134601',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A test ID is a number' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.imocha.io/tests/1134601',
			extractValue: { type: 'regex', regex: '(?:[?&/](?:testId=|tests?/))(\\d+)' },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '.*(?:[?&/](?:testId=|tests?/))\\d+.*',
						errorMessage: 'The URL must contain the test ID, e.g. .../tests/1134601',
					},
				},
			],
		},
	],
};

/** The ID chosen in the Test locator, whichever mode the user picked. */
export function readTestId(context: IExecuteFunctions, itemIndex: number): number {
	return checkId(context, itemIndex, 'Test', context.getNodeParameter('testId', itemIndex, undefined, { extractValue: true }));
}

export const returnAll: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplify: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/**
 * A link of the test chosen in `testId` (List all test links has no search, so the list is the
 * test's links filtered locally). Used by "Invite by Test Link".
 */
export const testLinkLocator: INodeProperties = {
	displayName: 'Test Link',
	name: 'testLinkId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'A test link of the chosen test; the invitation copies its schedule, proctoring and stakeholder settings',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTestLinks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 201044',
			validation: [
				{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A test link ID is a number' } },
			],
		},
	],
};
