import { applyLimit } from '../../transport';
import { simpleListOperation } from '../../operation/list';
import { listBusinessUnits } from '../../api/assessment';

/** GET /v3/accounts/business-units returns the whole list (reference §9.1). */
export const operation = simpleListOperation('businessUnit', async (context, input, itemIndex) =>
	applyLimit(await listBusinessUnits(context, itemIndex), input.returnAll, input.limit),
);
