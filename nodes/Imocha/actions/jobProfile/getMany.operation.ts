import { endpoints, siList } from '../../api/intelligence';
import { simpleListOperation } from '../../operation/list';

export const operation = simpleListOperation('jobProfile', (context, input, itemIndex) =>
	siList(context, endpoints.jobProfileList, input, { itemIndex }),
);
