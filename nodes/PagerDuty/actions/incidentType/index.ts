import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { defineResource } from '../registry';

export const incidentType = defineResource({
	option: {
		name: 'Incident Type',
		value: 'incidentType',
		description:
			'Kinds of incident (e.g. security incidents) with their own custom fields: read them',
	},
	noun: 'incident type',
	plural: 'incident types',
	article: 'an',
	defaultOperation: 'getAll',
	operations: [get, getAll],
});
