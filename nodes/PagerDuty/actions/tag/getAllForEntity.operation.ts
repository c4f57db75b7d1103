import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { entityFields, readEntity } from './fields';
import { returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readList } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { entityType, id } = readEntity(this, itemIndex);
	return await readList(this, itemIndex, {
		path: `/${entityType}/${pathId(id)}/tags`,
		property: 'tags',
	});
}

export const getAllForEntity = defineOperation({
	value: 'getAllForEntity',
	name: 'Get Many for an Entity',
	action: 'Get many tags for an entity',
	description:
		'List the tags a user, team or escalation policy wears. Needs its ID (User, Team or Escalation Policy → Get Many).',
	endpoints: ['GET /{entity_type}/{id}/tags'],
	properties: [...entityFields, ...returnAllAndLimit('tags')],
	execute,
});
