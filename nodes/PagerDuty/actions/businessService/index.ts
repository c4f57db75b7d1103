import { create } from './create.operation';
import { deleteBusinessService } from './deleteBusinessService.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const businessService = defineResource({
	option: {
		name: 'Business Service',
		value: 'businessService',
		description:
			'What the business sees (e.g. online checkout), supported by technical services; for impact and status',
	},
	noun: 'business service',
	plural: 'business services',
	article: 'a',
	defaultOperation: 'get',
	operations: [create, deleteBusinessService, get, getAll, update],
});
