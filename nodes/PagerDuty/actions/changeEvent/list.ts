import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../../shared/transport/rest';
import { optionalDateTime, parseIdList } from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit, teamIdsFilter } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { maxItemsOf } from '../common';

const utcDescription = (edge: string, example: string) =>
	`${edge} of the time window for the change events' timestamps (ISO 8601, e.g. ${example}). PagerDuty takes UTC only: a time with another offset is converted to UTC, a time without one is read as UTC.`;

/** The list fields Get Many and Get Many for a Service share. */
export const changeEventListFields: INodeProperties[] = [
	...returnAllAndLimit('change events'),
	optionsCollection([
		{
			displayName: 'Integration IDs',
			name: 'integrationIds',
			type: 'string',
			default: '',
			placeholder: 'PINT001,PINT002',
			description:
				"Only events sent through these change integrations (comma-separated IDs, from a change event's integration)",
		},
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: utcDescription('Start', '2026-11-01T00:00:00Z'),
		},
		teamIdsFilter('events on services'),
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			default: '',
			description: utcDescription('End', '2026-11-28T23:59:59Z'),
		},
	]),
];

/** Reads change events (all, or one service's) with one item's filters and limit. */
export async function listChangeEvents(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
): Promise<IDataObject[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// PagerDuty refuses change-event times in other offsets than UTC: every date-time is sent in UTC.
	const since = optionalDateTime(context, itemIndex, 'Since', options.since);
	const until = optionalDateTime(context, itemIndex, 'Until', options.until);
	const qs = withoutEmpty({
		integration_ids: parseIdList(context, itemIndex, 'Integration IDs', options.integrationIds),
		since,
		team_ids: parseIdList(context, itemIndex, 'Team Names or IDs', options.teamIds),
		until,
	});
	return await pagerDutyApiRequestAllItems.call(
		context,
		{ method: 'GET', path, qs },
		'change_events',
		{
			maxItems: maxItemsOf(context, itemIndex),
			// Without a Since there is no window to slice; past 10,000 the node then asks for one.
			timeWindow: since ? { since, until, defaultDays: 30 } : undefined,
		},
	);
}
