import { appendRouterRule } from './appendRouterRule.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getGlobalRules } from './getGlobalRules.operation';
import { getRouter } from './getRouter.operation';
import { getServiceRules } from './getServiceRules.operation';
import { updateRouter } from './updateRouter.operation';
import { defineResource } from '../registry';

export const eventOrchestration = defineResource({
	option: {
		name: 'Event Orchestration',
		value: 'eventOrchestration',
		description:
			'How events are processed and routed to services: global orchestrations, their routers and rules',
	},
	noun: 'event orchestration',
	plural: 'event orchestrations',
	article: 'an',
	defaultOperation: 'get',
	operations: [
		getAll,
		get,
		getRouter,
		getGlobalRules,
		getServiceRules,
		updateRouter,
		appendRouterRule,
	],
});
