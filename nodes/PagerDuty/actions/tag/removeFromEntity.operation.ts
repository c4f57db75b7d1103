import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { changeTags, readTagIds, tagReferences } from './changeTags';
import { entityFields, readEntity, tagIdsField } from './fields';
import { invalidParameter } from '../../../shared/validation';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...entityFields,
	{
		...tagIdsField,
		required: true,
		description: 'The tags to take off, as comma-separated IDs (from Tag → Get Many for an Entity)',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const entity = readEntity(this, itemIndex);
	const tagIds = readTagIds(this, itemIndex);
	if (tagIds.length === 0)
		throw invalidParameter(this, itemIndex, 'Tag IDs', 'must name at least one tag');
	return await changeTags(this, entity, 'remove', tagReferences(tagIds));
}

export const removeFromEntity = defineOperation({
	value: 'removeFromEntity',
	name: 'Remove From Entity',
	action: 'Remove tags from an entity',
	description:
		"Take tags off a user, team or escalation policy (the tags themselves stay). Needs the object's ID and the tags' IDs. Returns the object and the tags removed.",
	endpoints: ['POST /{entity_type}/{id}/change_tags'],
	properties,
	execute,
});
