import { create } from './create.operation';
import { get } from './get.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const serviceIntegration = defineResource({
	option: {
		name: 'Service Integration',
		value: 'serviceIntegration',
		description:
			"How events reach a service: Events API v2, email and monitoring tools' integrations, with their integration keys",
	},
	noun: 'service integration',
	plural: 'service integrations',
	article: 'a',
	keywords: ['integration key'],
	defaultOperation: 'create',
	operations: [create, get, update],
});
