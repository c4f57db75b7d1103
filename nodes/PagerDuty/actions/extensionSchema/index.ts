import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { defineResource } from '../registry';

export const extensionSchema = defineResource({
	option: {
		name: 'Extension Schema',
		value: 'extensionSchema',
		description: 'The vendor types of legacy extensions, such as Generic Webhook or Slack',
	},
	noun: 'extension schema',
	plural: 'extension schemas',
	article: 'an',
	defaultOperation: 'getAll',
	operations: [get, getAll],
});
