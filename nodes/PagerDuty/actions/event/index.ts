import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as acknowledge from './acknowledge.operation';
import * as resolve from './resolve.operation';
import * as sendChangeEvent from './sendChangeEvent.operation';
import * as trigger from './trigger.operation';

export const operations: ResourceOperations = { acknowledge, resolve, sendChangeEvent, trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Acknowledge',
				value: 'acknowledge',
				description: 'Acknowledge the open alert with a dedup key (Events API v2)',
				action: 'Acknowledge an alert',
			},
			{
				name: 'Resolve',
				value: 'resolve',
				description: 'Resolve the open alert with a dedup key (Events API v2)',
				action: 'Resolve an alert',
			},
			{
				name: 'Send Change Event',
				value: 'sendChangeEvent',
				description: 'Record a deploy or other change on the service (Events API v2)',
				action: 'Send a change event',
			},
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Raise an alert on the service the routing key belongs to (Events API v2)',
				action: 'Trigger an alert',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
	...acknowledge.description,
	...resolve.description,
	...sendChangeEvent.description,
];
