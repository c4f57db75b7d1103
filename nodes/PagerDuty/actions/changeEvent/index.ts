import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForService } from './getAllForService.operation';
import { defineResource } from '../registry';

export const changeEvent = defineResource({
	option: {
		name: 'Change Event',
		value: 'changeEvent',
		description: 'Deploys and configuration changes sent to PagerDuty: read them',
	},
	noun: 'change event',
	plural: 'change events',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [get, getAll, getAllForService],
});
