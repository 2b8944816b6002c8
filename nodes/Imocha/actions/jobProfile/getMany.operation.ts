import { endpoints } from '../../api/intelligence';
import { siList } from '../../api/intelligenceRequest';
import { simpleListOperation } from '../../operation/list';

export const operation = simpleListOperation('jobProfile', (context, input, itemIndex) =>
	siList(context, endpoints.jobProfileList, input, { itemIndex }),
);
