import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllForIncident from './getAllForIncident.operation';

export const operations: ResourceOperations = { get, getAll, getAllForIncident };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['logEntry'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Read one log entry (an event on an incident's timeline) by ID",
				action: 'Get a log entry',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List log entries across the account, optionally within a time window',
				action: 'Get many log entries',
			},
			{
				name: 'Get Many for an Incident',
				value: 'getAllForIncident',
				description:
					'List the timeline of one incident (triggers, acknowledgements, notes, escalations …), newest first',
				action: 'Get many log entries for an incident',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...getAllForIncident.description,
];
