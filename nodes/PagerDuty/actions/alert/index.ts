import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as manageMany from './manageMany.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { get, getAll, manageMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['alert'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read one alert of an incident (an event that triggered or joined it) by ID',
				action: 'Get an alert',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the alerts of an incident, filtered by status or alert key',
				action: 'Get many alerts',
			},
			{
				name: 'Manage Many',
				value: 'manageMany',
				description:
					"Resolve a list of an incident's alerts, or move them to another incident, at once",
				action: 'Update many alerts at once',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Resolve one alert, or move it to another incident',
				action: 'Update an alert',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...manageMany.description,
	...update.description,
];
