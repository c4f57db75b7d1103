import { getAll } from './getAll.operation';
import { test } from './test.operation';
import { defineResource } from '../registry';

export const ability = defineResource({
	option: {
		name: 'Ability',
		value: 'ability',
		description: "What the account's PagerDuty plan allows: list it, or test one ability",
	},
	noun: 'ability',
	plural: 'abilities',
	article: 'an',
	defaultOperation: 'getAll',
	operations: [getAll, test],
});
