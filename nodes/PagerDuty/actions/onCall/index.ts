import { getAll } from './getAll.operation';
import { defineResource } from '../registry';

export const onCall = defineResource({
	option: {
		name: 'On-Call',
		value: 'onCall',
		description: 'Who is on call now or in a time window, per escalation policy and level',
	},
	noun: 'on-call',
	plural: 'on-calls',
	article: 'an',
	keywords: ['oncall'],
	defaultOperation: 'getAll',
	operations: [getAll],
});
