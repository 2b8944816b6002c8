import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listBusinessUnits } from '../actions/businessUnit/listBusinessUnits';

export async function getBusinessUnits(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const units = await listBusinessUnits(this);
	return units.map((unit) => ({ name: String(unit.businessUnitName ?? unit.businessUnitId), value: Number(unit.businessUnitId) }));
}
