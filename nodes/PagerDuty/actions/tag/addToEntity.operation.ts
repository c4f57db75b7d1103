import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { changeTags } from './changeTags';
import { entityFields, readEntity, tagIdsField } from './fields';
import { readLabels } from './labels';
import { invalidParameter, parseIdList } from '../../../shared/validation';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...entityFields,
	{
		...tagIdsField,
		description: 'Existing tags to add, as comma-separated IDs (from Tag → Get Many)',
	},
	{
		displayName: 'New Labels',
		name: 'labels',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Label' },
		default: [],
		description:
			'Labels to add: PagerDuty uses the tag with that label, or makes one when there is none',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const entity = readEntity(this, itemIndex);
	const tagIds = parseIdList(
		this,
		itemIndex,
		'Tag IDs',
		this.getNodeParameter('tagIds', itemIndex, ''),
	);
	const labels = readLabels(
		this,
		itemIndex,
		'New Labels',
		this.getNodeParameter('labels', itemIndex, []),
	);
	if (tagIds.length === 0 && labels.length === 0)
		throw invalidParameter(
			this,
			itemIndex,
			'Tag IDs',
			'or "New Labels" must name at least one tag',
		);
	const added = [
		...tagIds.map((id) => ({ type: 'tag_reference', id })),
		...labels.map((label) => ({ type: 'tag', label })),
	];
	await changeTags(this, entity, { add: added });
	return { entity_type: entity.entityType, id: entity.id, added };
}

export const addToEntity = defineOperation({
	value: 'addToEntity',
	name: 'Add to Entity',
	action: 'Add tags to an entity',
	description:
		"Put tags on a user, team or escalation policy: existing tags by ID, or labels (PagerDuty makes the tags that do not exist yet). Needs the object's ID. Returns the object and the tags sent (PagerDuty answers with nothing more).",
	endpoints: ['POST /{entity_type}/{id}/change_tags'],
	properties,
	execute,
});
