import { NEEDS_STATUS_PAGE, pageListOperation } from './fields';

export const getAllServices = pageListOperation({
	list: 'services',
	value: 'getAllServices',
	name: 'Get Many Services',
	action: 'Get many services of a status page',
	description: `List the services shown on this status page (its own entries, not PagerDuty technical services). ${NEEDS_STATUS_PAGE} Each has an ID for a post's impacted services and a name.`,
	noun: 'services',
	postTypes: false,
});
