import { acknowledge } from './acknowledge.operation';
import { resolve } from './resolve.operation';
import { sendChangeEvent } from './sendChangeEvent.operation';
import { trigger } from './trigger.operation';
import { defineNode, defineResource } from '../registry';

export const event = defineResource({
	option: {
		name: 'Event',
		value: 'event',
		description: 'Events API v2: trigger, acknowledge and resolve alerts; send change events',
	},
	noun: 'alert',
	plural: 'alerts',
	article: 'an',
	keywords: [
		'change event',
		'routing key',
		'events api',
		'incident',
		'pager',
		'acknowledge',
		'resolve',
	],
	defaultOperation: 'trigger',
	operations: [trigger, acknowledge, resolve, sendChangeEvent],
});

/**
 * The PagerDuty Events node's actions: this one resource, so the node has no Resource field. The
 * PagerDuty node does not list it: the Events API has its own credential.
 */
export const pagerDutyEventsNode = defineNode({
	resources: [event],
	taskPhrases: ['trigger an alert'],
});
