import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getTestSettings, updateTestSettings } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { readTestId, testLocator } from '../../operation/fields';
import { invalid } from '../../operation/validate';
import { checkSettings, mergeSettings, parseSettings, unknownPaths } from './settings';

const properties: INodeProperties[] = [
	{ ...testLocator, description: 'The test whose settings to change' },
	{
		displayName: 'Merge Into Current Settings',
		name: 'merge',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the current settings first and change only the values given below. iMocha has no partial update: it replaces the whole settings object, so when this is off, Settings must be the complete object (get it with Get Settings).',
	},
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'json',
		default: '{}',
		required: true,
		description:
			'Settings as iMocha names them: testSettings, questionSettings, displayMessageSettings, emailSettings, imageProctoringSettings and windowViolationSettings. Flags are 0 or 1 (true/false is converted); violation counts are whole numbers. With Merge on, give only what changes, e.g. {"questionSettings": {"randomQuestions": 1}}.',
	},
];

const description = updateDisplayOptions({ show: { resource: ['test'], operation: ['updateSettings'] } }, properties);

interface Input {
	testId: number;
	merge: boolean;
	settings: IDataObject;
}

export const operation: ImochaOperation<Input> = {
	description,
	prepare(this: IExecuteFunctions, itemIndex: number): Input {
		const testId = readTestId(this, itemIndex);
		const merge = this.getNodeParameter('merge', itemIndex, true) as boolean;
		const parsed = parseSettings(this, itemIndex, this.getNodeParameter('settings', itemIndex));
		if (merge && Object.keys(parsed).length === 0) {
			throw invalid(this, itemIndex, 'Settings', 'is empty, so there is nothing to change', 'Give the values to change, e.g. {"questionSettings": {"randomQuestions": 1}}.');
		}
		return { testId, merge, settings: checkSettings(this, itemIndex, parsed, !merge) };
	},
	async execute(this: IExecuteFunctions, input: Input, itemIndex: number) {
		let settings = input.settings;
		if (input.merge) {
			const current = await getTestSettings(this, input.testId, itemIndex);
			const unknown = unknownPaths(current, input.settings);
			if (unknown.length) {
				throw new NodeOperationError(this.getNode(), `The "Settings" of item ${itemIndex} name settings this test does not have: ${unknown.join(', ')}`, {
					itemIndex,
					description: 'Nothing was changed. Check the spelling against the output of Get Settings (names are case-sensitive).',
				});
			}
			settings = checkSettings(this, itemIndex, mergeSettings(current, input.settings), true);
		}
		// The answer's body is undocumented: report what the test now holds.
		await updateTestSettings(this, input.testId, settings, itemIndex);
		return [{ json: { testId: input.testId, updated: true, settings } }];
	},
};
