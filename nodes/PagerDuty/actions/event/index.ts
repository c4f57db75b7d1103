import { acknowledge } from './acknowledge.operation';
import { resolve } from './resolve.operation';
import { sendChangeEvent } from './sendChangeEvent.operation';
import { trigger } from './trigger.operation';
import { defineResource } from '../registry';

export const event = defineResource({
	option: {
		name: 'Event',
		value: 'event',
		description: 'Events API v2: trigger, acknowledge and resolve alerts; send change events',
	},
	defaultOperation: 'trigger',
	operations: [trigger, acknowledge, resolve, sendChangeEvent],
});
