import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations = { get, getAll };

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
				description: 'Read one log entry (an event on an incident\'s timeline) by ID',
				action: 'Get a log entry',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List log entries across the account, optionally within a time window',
				action: 'Get many log entries',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
