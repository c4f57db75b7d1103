import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../../shared/transport/rest';
import { optionalDateTime, parseIdList } from '../../../shared/validation';
import {
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

const properties: INodeProperties[] = [
	...returnAllAndLimit('incidents'),
	legacySimplifyField(
		'ID, number, title, status, urgency, priority, service, escalation policy, assignees, key, times and URL of each incident',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
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
			{
				displayName: 'Service Names or IDs',
				name: 'serviceIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getServices' },
				default: [],
				description:
					'Only incidents on these services. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
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
			teamIdsFilter('incidents'),
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
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				placeholder: 'PUSER01,PUSER02',
				description: 'Only incidents currently assigned to these users (comma-separated IDs)',
			},
		],
	},
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
		service_ids: parseIdList(this, itemIndex, 'Service IDs', options.serviceIds),
		since,
		until,
		sort_by: options.sortBy,
		statuses: options.statuses,
		team_ids: parseIdList(this, itemIndex, 'Team IDs', options.teamIds),
		time_zone: options.timeZone,
		urgencies: options.urgencies,
		user_ids: parseIdList(this, itemIndex, 'User IDs', options.userIds),
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
	action: 'Get many incidents',
	description: 'List incidents, filtered by status, service, team, user, urgency or time window',
	endpoints: ['GET /incidents'],
	properties,
	execute,
});
