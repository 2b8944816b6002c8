import { endpoints } from '../../api/intelligence';
import { employeeReadOperation } from '../../operation/employeeRead';

export const operation = employeeReadOperation(
	{ resource: ['employee'], operation: ['getAssessmentReport'] },
	endpoints.employeeAssessmentReport,
	"Returns iMocha's answer as it is: its format is not documented.",
);
