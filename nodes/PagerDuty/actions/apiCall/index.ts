import { request } from './request.operation';
import { CUSTOM_API_CALL, defineResource } from '../registry';

export const apiCall = defineResource({
	option: {
		name: CUSTOM_API_CALL,
		value: 'apiCall',
		description: 'Any other REST API v2 endpoint, with this credential and region',
	},
	noun: 'API request',
	plural: 'API requests',
	article: 'an',
	defaultOperation: 'request',
	operations: [request],
});
