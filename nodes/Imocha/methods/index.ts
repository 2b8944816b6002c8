import { getBusinessUnits } from './businessUnits';
import { searchEmployees } from './employees';
import { searchJobProfiles } from './jobProfiles';
import { searchTestLinks } from './testLinks';
import { searchTests } from './tests';
import { getTimezones } from './timezones';

export const listSearch = { searchTests, searchTestLinks, searchEmployees, searchJobProfiles };
export const loadOptions = { getTimezones, getBusinessUnits };
