import { applyLimit } from '../../transport';
import { simpleListOperation } from '../../operation/list';
import { listTimezones } from '../../api/assessment';

/** The timezone list comes whole: no paging is known for it (reference §2.5). */
export const operation = simpleListOperation('timezone', async (context, input, itemIndex) =>
	applyLimit(await listTimezones(context, itemIndex), input.returnAll, input.limit),
);
