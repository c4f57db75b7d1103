import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { parseIdList } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';

/** The item's "Tag IDs", checked. */
export const readTagIds = (context: IExecuteFunctions, itemIndex: number) =>
	parseIdList(context, itemIndex, 'Tag IDs', context.getNodeParameter('tagIds', itemIndex, ''));

export const tagReferences = (ids: string[]) => ids.map((id) => ({ type: 'tag_reference', id }));

/**
 * Adds or removes tags of one entity. PagerDuty answers with an empty object, so the output is
 * the entity and the tags sent (`added` or `removed`).
 */
export async function changeTags(
	context: IExecuteFunctions,
	entity: { entityType: string; id: string },
	change: 'add' | 'remove',
	tags: IDataObject[],
): Promise<IDataObject> {
	await pagerDutyApiRequest.call(context, {
		method: 'POST',
		path: `/${entity.entityType}/${pathId(entity.id)}/change_tags`,
		body: { [change]: tags },
	});
	return {
		entity_type: entity.entityType,
		id: entity.id,
		[change === 'add' ? 'added' : 'removed']: tags,
	};
}
