import { statusOperation } from './setStatus';

export const operation = statusOperation('activate');
export const description = operation.description;
