import { create } from './create.operation';
import { createUpdate } from './createUpdate.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllUpdates } from './getAllUpdates.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const statusPagePost = defineResource({
	option: {
		name: 'Status Page Post',
		value: 'statusPagePost',
		description:
			'Incident reports and maintenance notices on a status page: publish, read, change them and add updates',
	},
	noun: 'status page post',
	plural: 'status page posts',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [create, createUpdate, get, getAll, getAllUpdates, update],
});
