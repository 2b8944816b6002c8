import { endpoints, siRequest } from '../../api/intelligence';
import { employeeLocator, readEmployeeId } from '../../operation/intelligenceFields';
import { readOneOperation } from '../../operation/readOne';

export const operation = readOneOperation(
	{ resource: ['careerPath'], operation: ['get'] },
	{ ...employeeLocator, description: `${employeeLocator.description}. Returns the career path iMocha suggests for them.` },
	readEmployeeId,
	(context, id, itemIndex) => siRequest(context, endpoints.careerPath, { id, itemIndex }),
);
