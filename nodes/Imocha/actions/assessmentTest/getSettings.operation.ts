import { getTestSettings } from '../../api/assessment';
import { readTestId, testLocator } from '../../operation/fields';
import { readOneOperation } from '../../operation/readOne';

export const operation = readOneOperation(
	{ resource: ['test'], operation: ['getSettings'] },
	{ ...testLocator, description: 'The test whose settings to retrieve' },
	readTestId,
	getTestSettings,
);
