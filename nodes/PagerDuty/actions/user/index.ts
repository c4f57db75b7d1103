import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as get from './get.operation';

export const operations: ResourceOperations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read one user (name, email, role, time zone) by ID',
				action: 'Get a user',
			},
		],
		default: 'get',
	},
	...get.description,
];
