import { endpoints } from '../intelligence/endpoints';
import { employeeReadOperation } from '../intelligence/employeeRead';

export const operation = employeeReadOperation(
	{ resource: ['careerPath'], operation: ['get'] },
	endpoints.careerPath,
	'Returns the career path iMocha suggests for them.',
);
