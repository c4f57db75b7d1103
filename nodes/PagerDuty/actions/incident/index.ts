import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as createResponderRequest from './createResponderRequest.operation';
import * as createStatusUpdate from './createStatusUpdate.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as manageMany from './manageMany.operation';
import * as merge from './merge.operation';
import * as snooze from './snooze.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	createResponderRequest,
	createStatusUpdate,
	get,
	getAll,
	manageMany,
	merge,
	snooze,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['incident'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Open a new incident on a service and page its on-call responders',
				action: 'Create an incident',
			},
			{
				name: 'Create Responder Request',
				value: 'createResponderRequest',
				description:
					"Ask more users or escalation policies to help with an incident (needs PagerDuty's coordinated responding ability)",
				action: 'Request responders for an incident',
			},
			{
				name: 'Create Status Update',
				value: 'createStatusUpdate',
				description:
					"Post a status update to an incident's stakeholders, optionally as a custom HTML email",
				action: 'Post a status update on an incident',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one incident by ID',
				action: 'Get an incident',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List incidents, filtered by status, service, team, user, urgency or time window',
				action: 'Get many incidents',
			},
			{
				name: 'Manage Many',
				value: 'manageMany',
				description:
					"Acknowledge, resolve, reassign, escalate or re-prioritise a list of incidents at once (PagerDuty's bulk update)",
				action: 'Update many incidents at once',
			},
			{
				name: 'Merge',
				value: 'merge',
				description:
					'Merge open incidents into one: their alerts move to the target and they are resolved',
				action: 'Merge incidents into an incident',
			},
			{
				name: 'Snooze',
				value: 'snooze',
				description:
					'Silence an acknowledged incident for a while; it triggers again when the snooze ends',
				action: 'Snooze an incident',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Acknowledge, resolve, reassign, re-prioritise or rename an incident',
				action: 'Update an incident',
			},
		],
		default: 'create',
	},
	...create.description,
	...createResponderRequest.description,
	...createStatusUpdate.description,
	...get.description,
	...getAll.description,
	...manageMany.description,
	...merge.description,
	...snooze.description,
	...update.description,
];
