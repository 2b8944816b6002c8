import { statusOperation } from './setStatus';

export const operation = statusOperation('deactivate');
export const description = operation.description;
