import { alertAction } from './alertAction';

export const acknowledge = alertAction({
	value: 'acknowledge',
	name: 'Acknowledge',
	description: 'Acknowledge the open alert with a dedup key (Events API v2)',
});
