import { listTests } from '../../api/assessment';
import { simpleListOperation } from '../../operation/list';
import { applyLimit } from '../../transport';

/** No paging is documented for the test list, so it is fetched whole and limited here. */
export const operation = simpleListOperation('test', async (context, input, itemIndex) =>
	applyLimit(await listTests(context, itemIndex), input.returnAll, input.limit),
);
