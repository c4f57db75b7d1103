import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as deleteEscalationPolicy from './deleteEscalationPolicy.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	delete: deleteEscalationPolicy,
	get,
	getAll,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['escalationPolicy'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Add an escalation policy: who is notified for an incident, in which order, after how long',
				action: 'Create an escalation policy',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove an escalation policy; PagerDuty refuses while a service uses it',
				action: 'Delete an escalation policy',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one escalation policy with its rules and targets by ID',
				action: 'Get an escalation policy',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List escalation policies, optionally by name text, team or notified user',
				action: 'Get many escalation policies',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Change an escalation policy's name, rules, loops, teams or description; what is not given is kept",
				action: 'Update an escalation policy',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteEscalationPolicy.description,
	...get.description,
	...getAll.description,
	...update.description,
];
