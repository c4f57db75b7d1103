import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as request from './request.operation';

export const operations: ResourceOperations = { request };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiCall'] } },
		options: [
			{
				name: 'Make a Request',
				value: 'request',
				description:
					'Call any PagerDuty REST API v2 endpoint with this credential, region, error handling and headers',
				action: 'Make an API request',
			},
		],
		default: 'request',
	},
	...request.description,
];
