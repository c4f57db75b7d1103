import { getAll } from './getAll.operation';
import { defineResource } from '../registry';

export const priority = defineResource({
	option: {
		name: 'Priority',
		value: 'priority',
		description: "The account's incident priorities (P1, P2 …)",
	},
	noun: 'priority',
	plural: 'priorities',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [getAll],
});
