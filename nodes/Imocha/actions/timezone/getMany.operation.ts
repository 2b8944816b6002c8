import { listTimezones } from '../../api/assessment';
import { simpleListOperation } from '../../operation/list';
import { applyLimit } from '../../transport';

/** The timezone list comes whole: no paging is known for it (README.md "Unverified"). */
export const operation = simpleListOperation('timezone', async (context, input, itemIndex) =>
	applyLimit(await listTimezones(context, itemIndex), input.returnAll, input.limit),
);
