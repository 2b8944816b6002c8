import { listBusinessUnits } from '../../api/assessment';
import { simpleListOperation } from '../../operation/list';
import { applyLimit } from '../../transport';

/** GET /v3/accounts/business-units returns the whole list (https://developer.imocha.io/get-all-business-units-18160806e0). */
export const operation = simpleListOperation('businessUnit', async (context, input, itemIndex) =>
	applyLimit(await listBusinessUnits(context, itemIndex), input.returnAll, input.limit),
);
