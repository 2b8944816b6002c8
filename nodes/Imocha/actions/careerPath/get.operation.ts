import { endpoints } from '../../api/intelligence';
import { employeeReadOperation } from '../../operation/employeeRead';

export const operation = employeeReadOperation(
	{ resource: ['careerPath'], operation: ['get'] },
	endpoints.careerPath,
	'Returns the career path iMocha suggests for them.',
);
