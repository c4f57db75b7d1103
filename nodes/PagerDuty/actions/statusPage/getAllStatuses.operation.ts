import { NEEDS_STATUS_PAGE, pageListOperation } from './fields';

export const getAllStatuses = pageListOperation({
	list: 'statuses',
	value: 'getAllStatuses',
	name: 'Get Many Statuses',
	action: 'Get many statuses of a status page',
	description: `List the statuses a post can be in on this status page (e.g. investigating, resolved), for incident or maintenance posts. ${NEEDS_STATUS_PAGE} Each has an ID for Status Page Post → Create and a description.`,
	noun: 'statuses',
	postTypes: true,
});
