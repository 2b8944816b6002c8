import { searchTests } from './listSearch';

export const listSearch = { searchTests };
export const loadOptions = {};
