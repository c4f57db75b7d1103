import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['onCall'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					"List who is on call: per escalation policy and level, the user, the schedule it comes from and the shift's start and end",
				action: 'Get many on calls',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
