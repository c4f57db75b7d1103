import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';

/** Adds or removes tags of one entity; PagerDuty answers with an empty object. */
export async function changeTags(
	context: IExecuteFunctions,
	entity: { entityType: string; id: string },
	change: { add?: IDataObject[]; remove?: IDataObject[] },
): Promise<void> {
	await pagerDutyApiRequest.call(context, {
		method: 'POST',
		path: `/${entity.entityType}/${pathId(entity.id)}/change_tags`,
		body: change,
	});
}
