import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { setUserStatus } from '../../api/assessment';
import type { ImochaOperation } from '../../operation/contract';
import { toItems } from '../../operation/output';
import { readUserEmail, userEmailField } from './fields';

/** Activate and Deactivate are one call differing only in `status`, case-sensitive (https://developer.imocha.io/active-inactive-user-18161035e0). */
export function statusOperation(operation: 'activate' | 'deactivate'): ImochaOperation<{ body: IDataObject }> {
	const status = operation === 'activate' ? 'Active' : 'Inactive';
	return {
		description: updateDisplayOptions({ show: { resource: ['user'], operation: [operation] } }, [
			{
				...userEmailField,
				description:
					operation === 'activate'
						? 'The user to give access again'
						: 'The user whose access to turn off; their data stays and they can be activated again',
			},
		]),
		prepare(this: IExecuteFunctions, itemIndex: number) {
			return { body: { email: readUserEmail(this, itemIndex), status } };
		},
		async execute(this: IExecuteFunctions, input: { body: IDataObject }, itemIndex: number) {
			return toItems(await setUserStatus(this, input.body, itemIndex));
		},
	};
}
