import { endpoints } from '../intelligence/endpoints';
import { siList } from '../intelligence/request';
import { simpleListOperation } from '../list';

export const operation = simpleListOperation('jobProfile', (context, input, itemIndex) =>
	siList(context, endpoints.jobProfileList, input, { itemIndex }),
);
