import { listBusinessUnits } from '../../api/assessment';
import { simpleListOperation } from '../../operation/list';
import { applyLimit } from '../../transport';

/** GET /v3/accounts/business-units returns the whole list (reference §9.1). */
export const operation = simpleListOperation('businessUnit', async (context, input, itemIndex) =>
	applyLimit(await listBusinessUnits(context, itemIndex), input.returnAll, input.limit),
);
