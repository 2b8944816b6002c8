import { getBusinessUnits } from './businessUnits';
import { searchEmployees, searchJobProfiles } from './intelligence';
import { searchTests } from './tests';
import { searchTestLinks } from './testLinks';
import { getTimezones } from './timezones';

export const listSearch = { searchTests, searchTestLinks, searchEmployees, searchJobProfiles };
export const loadOptions = { getTimezones, getBusinessUnits };
