import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { start } from './start.operation';
import { defineResource } from '../registry';

export const incidentWorkflow = defineResource({
	option: {
		name: 'Incident Workflow',
		value: 'incidentWorkflow',
		description:
			'Automated response playbooks: list them, read their steps, start one on an incident',
	},
	noun: 'incident workflow',
	plural: 'incident workflows',
	article: 'an',
	defaultOperation: 'getAll',
	operations: [get, getAll, start],
});
