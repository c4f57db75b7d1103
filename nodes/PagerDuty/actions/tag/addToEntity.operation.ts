import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { changeTags, readTagIds, tagReferences } from './changeTags';
import { entityFields, readEntity, tagIdsField } from './fields';
import { readLabels } from './labels';
import { invalidParameter } from '../../../shared/validation';
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
	const tagIds = readTagIds(this, itemIndex);
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
	return await changeTags(this, entity, 'add', [
		...tagReferences(tagIds),
		...labels.map((label) => ({ type: 'tag', label })),
	]);
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
