import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../../shared/transport/rest';
import { optionalDateTime } from '../../../shared/validation';
import { optionsCollection, sinceUntilFields, timeZoneField } from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { simplifyIf, simplifyLogEntry } from '../../helpers/simplify';
import { withoutEmpty } from '../../helpers/utils';
import { maxItemsOf } from '../common';

export const SIMPLIFIED_LOG_ENTRY_FIELDS =
	'ID, type, summary, time, incident and agent of each entry';

/** The filters both log entry lists offer (account-wide and one incident's). */
export const logEntryListOptions: INodeProperties = optionsCollection([
	includeField([
		{ name: 'Channels', value: 'channels' },
		{ name: 'Incidents', value: 'incidents' },
		{ name: 'Services', value: 'services' },
		{ name: 'Teams', value: 'teams' },
	]),
	{
		displayName: 'Is Overview',
		name: 'isOverview',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only the entries that show the most important changes to incidents',
	},
	...sinceUntilFields('the log entries'),
	timeZoneField,
]);

/**
 * Reads one item's log entry list from `path` with its Options, Return All / Limit and Simplify.
 * `defaultDays` is the window sliced when the list passes PagerDuty's 10,000 ceiling without Since.
 */
export async function readLogEntryList(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	defaultDays: number,
): Promise<IDataObject[]> {
	const limit = maxItemsOf(context, itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const since = optionalDateTime(context, itemIndex, 'Since', options.since);
	const until = optionalDateTime(context, itemIndex, 'Until', options.until);
	const qs = withoutEmpty({
		include: includeValues(options.include),
		is_overview: options.isOverview,
		since,
		until,
		time_zone: options.timeZone,
	});
	const entries = await pagerDutyApiRequestAllItems.call(
		context,
		{ method: 'GET', path, qs },
		'log_entries',
		{ maxItems: limit, timeWindow: { since, until, defaultDays } },
	);
	return simplifyIf(
		context.getNodeParameter('simplify', itemIndex, false),
		entries,
		simplifyLogEntry,
	);
}
