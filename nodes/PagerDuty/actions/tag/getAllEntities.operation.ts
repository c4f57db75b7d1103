import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { entityTypeField, readEntityType, tagLocator } from './fields';
import { returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	tagLocator.field,
	{ ...entityTypeField, description: 'Which kind of tagged object to list' },
	...returnAllAndLimit('tagged objects'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const tagId = tagLocator.read(this, itemIndex);
	const entityType = readEntityType(this, itemIndex);
	// PagerDuty names the answer's list after the entity type.
	return await readList(this, itemIndex, {
		path: `/tags/${pathId(tagId)}/${pathId(entityType)}`,
		property: entityType,
	});
}

export const getAllEntities = defineOperation({
	value: 'getAllEntities',
	name: 'Get Many Entities',
	action: 'Get many entities with a tag',
	description:
		"List the users, teams or escalation policies that wear a tag, as references (ID, type, name). Needs the tag's ID (Tag → Get Many).",
	endpoints: ['GET /tags/{id}/{entity_type}'],
	properties,
	execute,
});
