import { getAll } from './getAll.operation';
import { getAllForResource } from './getAllForResource.operation';
import { defineResource } from '../registry';

export const auditRecord = defineResource({
	option: {
		name: 'Audit Record',
		value: 'auditRecord',
		description:
			'The audit trail of the account: who created, changed or deleted users, teams, schedules, escalation policies and services',
	},
	noun: 'audit record',
	plural: 'audit records',
	article: 'an',
	keywords: ['audit trail'],
	defaultOperation: 'getAll',
	operations: [getAll, getAllForResource],
});
