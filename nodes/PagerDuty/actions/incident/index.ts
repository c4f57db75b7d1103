import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, get, getAll, update };

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
				name: 'Get',
				value: 'get',
				description: 'Read one incident by ID',
				action: 'Get an incident',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List incidents, filtered by status, service, team, user, urgency or time window',
				action: 'Get many incidents',
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
	...get.description,
	...getAll.description,
	...update.description,
];
