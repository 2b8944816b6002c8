import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listBusinessUnits } from '../api/assessment';

export async function getBusinessUnits(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const units = await listBusinessUnits(this);
	return units.map((unit) => ({ name: String(unit.businessUnitName ?? unit.businessUnitId), value: Number(unit.businessUnitId) }));
}
