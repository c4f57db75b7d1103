import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../../shared/transport/rest';
import { optionalDateTime, parseIdList } from '../../../shared/validation';
import {
	namesOrIdsField,
	optionsCollection,
	returnAllAndLimit,
	sinceUntilFields,
	teamIdsFilter,
	timeZoneField,
} from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { legacySimplifyField } from '../../descriptions/simplify';
import { simplifyIf, simplifyIncident } from '../../helpers/simplify';
import { withoutEmpty } from '../../helpers/utils';
import { maxItemsOf } from '../common';
import { defineOperation } from '../registry';

/**
 * A comma-separated ID field as n8n's built-in node saves it, shown only where a saved workflow has a
 * value (n8n would mark that text as an error in a multi-select). New nodes get the multi-select.
 */
const legacyIdsField = (displayName: string, name: string, only: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	displayOptions: { show: { [name]: [{ _cnd: { exists: true } }] } },
	description: `${only} (comma-separated IDs)`,
});

/** The IDs of a multi-select and of the built-in node's text field beside it, once each. */
const bothIdLists = (
	context: IExecuteFunctions,
	itemIndex: number,
	picked: [label: string, value: unknown],
	legacy: [label: string, value: unknown],
) => [
	...new Set([
		...parseIdList(context, itemIndex, ...picked),
		...parseIdList(context, itemIndex, ...legacy),
	]),
];

const properties: INodeProperties[] = [
	...returnAllAndLimit('incidents'),
	legacySimplifyField(
		'ID, number, title, status, urgency, priority, service, escalation policy, assignees, key, times and URL of each incident',
	),
	optionsCollection([
		{
			displayName: 'Date Range',
			name: 'dateRange',
			type: 'options',
			options: [{ name: 'All', value: 'all' }],
			default: 'all',
			description:
				'Set to All to search every incident regardless of date; Since and Until are then ignored. Without it PagerDuty searches the last month.',
		},
		{
			displayName: 'Incident Key',
			name: 'incidentKey',
			type: 'string',
			default: '',
			description:
				'Only incidents with this de-duplication key (for incidents with alerts: whose alerts have this alert key)',
		},
		includeField([
			{ name: 'Acknowledgers', value: 'acknowledgers' },
			{ name: 'Assignees', value: 'assignees' },
			{ name: 'Conference Bridge', value: 'conferenceBridge' },
			{ name: 'Escalation Policies', value: 'escalationPolicies' },
			{ name: 'First Trigger Log Entries', value: 'firstTriggerLogEntries' },
			{ name: 'Priorities', value: 'priorities' },
			{ name: 'Services', value: 'services' },
			{ name: 'Teams', value: 'teams' },
			{ name: 'Users', value: 'users' },
		]),
		namesOrIdsField({
			displayName: 'Service Names or IDs',
			name: 'serviceIds',
			loadOptionsMethod: 'getServices',
			description: 'Only incidents on these services',
		}),
		...sinceUntilFields("the incidents' creation time"),
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'string',
			default: '',
			placeholder: 'created_at:asc,resolved_at:desc',
			description:
				'Up to two fields among incident_number, created_at, resolved_at and urgency, each with :asc or :desc, separated by a comma',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: [
				{ name: 'Acknowledged', value: 'acknowledged' },
				{ name: 'Resolved', value: 'resolved' },
				{ name: 'Triggered', value: 'triggered' },
			],
			default: [],
			description: 'Only incidents in these statuses; all statuses when empty',
		},
		legacyIdsField('Team IDs', 'teamIds', 'Only incidents of these teams'),
		teamIdsFilter('incidents', 'teams'),
		timeZoneField,
		{
			displayName: 'Urgencies',
			name: 'urgencies',
			type: 'multiOptions',
			options: [
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
			],
			default: [],
			description: 'Only incidents of these urgencies; all urgencies when empty',
		},
		legacyIdsField('User IDs', 'userIds', 'Only incidents currently assigned to these users'),
		namesOrIdsField({
			displayName: 'User Names or IDs',
			name: 'users',
			loadOptionsMethod: 'getUsers',
			description: 'Only incidents currently assigned to these users',
		}),
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = maxItemsOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const since = optionalDateTime(this, itemIndex, 'Since', options.since);
	const until = optionalDateTime(this, itemIndex, 'Until', options.until);
	const qs = withoutEmpty({
		date_range: options.dateRange,
		incident_key: options.incidentKey,
		include: includeValues(options.include),
		service_ids: parseIdList(this, itemIndex, 'Service Names or IDs', options.serviceIds),
		since,
		until,
		sort_by: options.sortBy,
		statuses: options.statuses,
		team_ids: bothIdLists(
			this,
			itemIndex,
			['Team Names or IDs', options.teams],
			['Team IDs', options.teamIds],
		),
		time_zone: options.timeZone,
		urgencies: options.urgencies,
		user_ids: bothIdLists(
			this,
			itemIndex,
			['User Names or IDs', options.users],
			['User IDs', options.userIds],
		),
	});

	const incidents = await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/incidents', qs },
		'incidents',
		{
			maxItems: limit,
			// With Date Range "All" PagerDuty ignores Since/Until, so such a list cannot be sliced by time.
			timeWindow: options.dateRange === 'all' ? undefined : { since, until, defaultDays: 30 },
		},
	);
	return simplifyIf(
		this.getNodeParameter('simplify', itemIndex, false),
		incidents,
		simplifyIncident,
	);
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List incidents, filtered by status, service, team, user, urgency or time window',
	endpoints: ['GET /incidents'],
	properties,
	execute,
});
