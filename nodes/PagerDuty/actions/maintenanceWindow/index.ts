import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as deleteMaintenanceWindow from './deleteMaintenanceWindow.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	delete: deleteMaintenanceWindow,
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
		displayOptions: { show: { resource: ['maintenanceWindow'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Put services in maintenance for a time window, so they open no incidents (needs From with an account-level key)',
				action: 'Create a maintenance window',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Delete a window that has not started, or end an ongoing one now; ended windows cannot be deleted',
				action: 'Delete a maintenance window',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one maintenance window by ID',
				action: 'Get a maintenance window',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List maintenance windows: past, ongoing or future, by service, team or description',
				action: 'Get many maintenance windows',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a window's times, services or description",
				action: 'Update a maintenance window',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteMaintenanceWindow.description,
	...get.description,
	...getAll.description,
	...update.description,
];
