import { create } from './create.operation';
import { deleteSubscription } from './deleteSubscription.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { test } from './test.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const webhookSubscription = defineResource({
	option: {
		name: 'Webhook Subscription',
		value: 'webhookSubscription',
		description: 'Where PagerDuty sends v3 webhooks (the PagerDuty Trigger manages its own)',
	},
	noun: 'webhook subscription',
	plural: 'webhook subscriptions',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [create, deleteSubscription, get, getAll, test, update],
});
