import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as deleteSubscription from './deleteSubscription.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as test from './test.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	delete: deleteSubscription,
	get,
	getAll,
	test,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhookSubscription'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Subscribe a URL to incident and service events (webhooks v3); the answer holds the signing secret, shown only once',
				action: 'Create a webhook subscription',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Stop and remove a webhook subscription',
				action: 'Delete a webhook subscription',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one webhook subscription by ID',
				action: 'Get a webhook subscription',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List webhook subscriptions, optionally by scope',
				action: 'Get many webhook subscriptions',
			},
			{
				name: 'Send Test Event',
				value: 'test',
				description: "Have PagerDuty send its test event (pagey.ping) to the subscription's URL",
				action: 'Send a test event to a webhook subscription',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the events, scope, description or active state (not the URL)',
				action: 'Update a webhook subscription',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...deleteSubscription.description,
	...get.description,
	...getAll.description,
	...test.description,
	...update.description,
];
