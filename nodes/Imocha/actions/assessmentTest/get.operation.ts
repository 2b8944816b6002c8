import { getTest } from '../../api/assessment';
import { readTestId, testLocator } from '../../operation/fields';
import { readOneOperation } from '../../operation/readOne';

export const operation = readOneOperation(
	{ resource: ['test'], operation: ['get'] },
	{ ...testLocator, description: 'The test to retrieve' },
	readTestId,
	getTest,
);
