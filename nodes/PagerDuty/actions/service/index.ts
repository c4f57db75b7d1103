import { create } from './create.operation';
import { deleteService } from './deleteService.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const service = defineResource({
	option: {
		name: 'Service',
		value: 'service',
		description: 'What incidents are opened on, and which escalation policy is paged',
	},
	noun: 'service',
	plural: 'services',
	article: 'a',
	defaultOperation: 'get',
	operations: [create, deleteService, get, getAll, update],
});
