import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { invoke } from './invoke.operation';
import { defineResource } from '../registry';

export const automationAction = defineResource({
	option: {
		name: 'Automation Action',
		value: 'automationAction',
		description: 'Scripts and Process Automation jobs that runners execute on incidents',
	},
	noun: 'automation action',
	plural: 'automation actions',
	article: 'an',
	defaultOperation: 'getAll',
	operations: [getAll, get, invoke],
});
