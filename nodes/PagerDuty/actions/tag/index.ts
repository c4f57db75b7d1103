import { addToEntity } from './addToEntity.operation';
import { create } from './create.operation';
import { deleteTag } from './deleteTag.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllEntities } from './getAllEntities.operation';
import { getAllForEntity } from './getAllForEntity.operation';
import { removeFromEntity } from './removeFromEntity.operation';
import { defineResource } from '../registry';

export const tag = defineResource({
	option: {
		name: 'Tag',
		value: 'tag',
		description: 'Labels on users, teams and escalation policies, for finding and filtering them',
	},
	noun: 'tag',
	plural: 'tags',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [
		getAll,
		create,
		get,
		deleteTag,
		addToEntity,
		removeFromEntity,
		getAllEntities,
		getAllForEntity,
	],
});
