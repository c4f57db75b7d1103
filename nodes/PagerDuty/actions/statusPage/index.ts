import { getAll } from './getAll.operation';
import { getAllImpacts } from './getAllImpacts.operation';
import { getAllServices } from './getAllServices.operation';
import { getAllSeverities } from './getAllSeverities.operation';
import { getAllStatuses } from './getAllStatuses.operation';
import { defineResource } from '../registry';

export const statusPage = defineResource({
	option: {
		name: 'Status Page',
		value: 'statusPage',
		description:
			'Public and private status pages: list them and the statuses, severities, impacts and services their posts use',
	},
	noun: 'status page',
	plural: 'status pages',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [getAll, getAllImpacts, getAllSeverities, getAllStatuses, getAllServices],
});
