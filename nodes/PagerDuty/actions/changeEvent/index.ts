import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllForService from './getAllForService.operation';

export const operations: ResourceOperations = { get, getAll, getAllForService };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['changeEvent'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read one change event (a deploy or configuration change sent to PagerDuty) by ID',
				action: 'Get a change event',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List change events across the account, newest first, optionally in a UTC time window',
				action: 'Get many change events',
			},
			{
				name: 'Get Many for a Service',
				value: 'getAllForService',
				description:
					'List the change events of one service, newest first, optionally in a UTC time window',
				action: 'Get many change events for a service',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...getAllForService.description,
];
