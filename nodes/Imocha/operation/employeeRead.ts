import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Endpoint } from '../api/intelligence';
import { siRequest } from '../api/intelligence';
import type { ImochaOperation } from './contract';
import { employeeLocator, readEmployeeId } from './intelligenceFields';
import { toItems } from './output';

/**
 * An operation that reads one thing about one employee and returns iMocha's answer as it is
 * (career path, assessment report): only the endpoint and the wording differ.
 */
export function employeeReadOperation(
	show: { resource: string[]; operation: string[] },
	endpoint: Endpoint,
	whatItReturns: string,
): ImochaOperation<{ employeeId: number }> {
	return {
		description: updateDisplayOptions({ show }, [
			{ ...employeeLocator, description: `${employeeLocator.description}. ${whatItReturns}` },
		]),
		prepare(this: IExecuteFunctions, itemIndex: number) {
			return { employeeId: readEmployeeId(this, itemIndex) };
		},
		async execute(this: IExecuteFunctions, input: { employeeId: number }, itemIndex: number) {
			return toItems(await siRequest<IDataObject>(this, endpoint, { id: input.employeeId, itemIndex }));
		},
	};
}
