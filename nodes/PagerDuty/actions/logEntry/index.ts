import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllForIncident } from './getAllForIncident.operation';
import { defineResource } from '../registry';

export const logEntry = defineResource({
	option: {
		name: 'Log Entry',
		value: 'logEntry',
		description: 'The audit trail of incidents: who did what, when',
	},
	noun: 'log entry',
	plural: 'log entries',
	article: 'a',
	defaultOperation: 'get',
	operations: [get, getAll, getAllForIncident],
});
