import { endpoints } from '../intelligence/endpoints';
import { employeeReadOperation } from '../intelligence/employeeRead';

export const operation = employeeReadOperation(
	{ resource: ['employee'], operation: ['getAssessmentReport'] },
	endpoints.employeeAssessmentReport,
	"Returns iMocha's answer as it is: its format is not documented.",
);
