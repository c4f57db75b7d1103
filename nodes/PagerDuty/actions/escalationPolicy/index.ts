import { create } from './create.operation';
import { deleteEscalationPolicy } from './deleteEscalationPolicy.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const escalationPolicy = defineResource({
	option: {
		name: 'Escalation Policy',
		value: 'escalationPolicy',
		description: 'Who is notified for an incident, in which order, after how long',
	},
	noun: 'escalation policy',
	plural: 'escalation policies',
	article: 'an',
	defaultOperation: 'get',
	operations: [create, deleteEscalationPolicy, get, getAll, update],
});
