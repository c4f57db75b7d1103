import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as deleteService from './deleteService.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	delete: deleteService,
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
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Add a service (something incidents are opened on) with the escalation policy that is paged for it',
				action: 'Create a service',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Remove a service for good; its incidents can no longer be reached in the web app',
				action: 'Delete a service',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one service (settings, escalation policy, teams) by ID',
				action: 'Get a service',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List services, optionally by name text or team',
				action: 'Get many services',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Rename a service, change its escalation policy, timeouts, urgency or status; other settings stay',
				action: 'Update a service',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteService.description,
	...get.description,
	...getAll.description,
	...update.description,
];
