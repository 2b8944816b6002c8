import { endpoints, siRequest } from '../../api/intelligence';
import { employeeLocator, readEmployeeId } from '../../operation/intelligenceFields';
import { readOneOperation } from '../../operation/readOne';

export const operation = readOneOperation(
	{ resource: ['employee'], operation: ['getAssessmentReport'] },
	{ ...employeeLocator, description: `${employeeLocator.description}. Returns iMocha's answer as it is: its format is not documented.` },
	readEmployeeId,
	(context, id, itemIndex) => siRequest(context, endpoints.employeeAssessmentReport, { id, itemIndex }),
);
