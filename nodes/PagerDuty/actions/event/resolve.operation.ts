import { alertAction } from './alertAction';

export const resolve = alertAction({
	value: 'resolve',
	name: 'Resolve',
	description: 'Resolve the open alert with a dedup key (Events API v2)',
});
