import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { manageMany } from './manageMany.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const alert = defineResource({
	option: {
		name: 'Alert',
		value: 'alert',
		description: 'The alerts grouped into an incident: list, resolve, move',
	},
	noun: 'alert',
	plural: 'alerts',
	article: 'an',
	defaultOperation: 'getAll',
	operations: [get, getAll, manageMany, update],
});
