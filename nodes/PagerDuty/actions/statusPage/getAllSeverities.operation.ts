import { NEEDS_STATUS_PAGE, pageListOperation } from './fields';

export const getAllSeverities = pageListOperation({
	list: 'severities',
	value: 'getAllSeverities',
	name: 'Get Many Severities',
	action: 'Get many severities of a status page',
	description: `List the severities a post can have on this status page (e.g. minor, major), for incident or maintenance posts. ${NEEDS_STATUS_PAGE} Each has an ID for Status Page Post → Create and a description.`,
	noun: 'severities',
	postTypes: true,
});
