import { NEEDS_STATUS_PAGE, pageListOperation } from './fields';

export const getAllImpacts = pageListOperation({
	list: 'impacts',
	value: 'getAllImpacts',
	name: 'Get Many Impacts',
	action: 'Get many impacts of a status page',
	description: `List the impacts a post can give a service on this status page (e.g. operational, partial outage, outage), for incident or maintenance posts. ${NEEDS_STATUS_PAGE} Each has an ID for Status Page Post → Create and a description.`,
	noun: 'impacts',
	postTypes: true,
});
