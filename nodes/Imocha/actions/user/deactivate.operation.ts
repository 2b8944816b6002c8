import { statusOperation } from './setStatus';

export const operation = statusOperation('deactivate');
