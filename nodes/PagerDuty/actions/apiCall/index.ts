import { request } from './request.operation';
import { defineResource } from '../registry';

export const apiCall = defineResource({
	option: {
		name: 'Custom API Call',
		value: 'apiCall',
		description: 'Any other REST API v2 endpoint, with this credential and region',
	},
	defaultOperation: 'request',
	operations: [request],
});
