import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import {
	invalidParameter,
	optionalDateTime,
	parseIdList,
	readDateTime,
} from '../../../shared/validation';
import { optionsCollection, timeZoneField } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { explainStatus } from '../common';
import { urgencyField } from '../incident/fields';
import type { Endpoint, Operation } from '../registry';
import { defineOperation } from '../registry';

/** Said in every analytics operation's description. */
export const ANALYTICS_NOTES =
	'PagerDuty updates analytics within about 24 hours, so the latest incidents may be missing. User API tokens and OAuth2 must filter by Team IDs or Service IDs.';

export const dateRangeFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period (ISO 8601, e.g. 2026-01-01T00:00:00Z)',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the period, after Start and at most a year later (ISO 8601)',
	},
];

/** Start and End, checked: the end after the start, at most a year later (PagerDuty's limit). */
function readDateRange(context: IExecuteFunctions, itemIndex: number) {
	const start = readDateTime(context, itemIndex, 'start', 'Start');
	const end = readDateTime(context, itemIndex, 'end', 'End');
	const yearOn = new Date(Date.parse(start));
	yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
	if (Date.parse(end) <= Date.parse(start))
		throw invalidParameter(context, itemIndex, 'End', 'must be after "Start"');
	if (Date.parse(end) > yearOn.getTime())
		throw invalidParameter(
			context,
			itemIndex,
			'End',
			'must be at most a year after "Start": PagerDuty gives analytics for up to a year at a time',
		);
	return { start, end };
}

const idList = (name: string, displayName: string, what: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'PABC123,PDEF456',
	description: `Only ${what} (comma-separated IDs)`,
});

const allOnlyExclude = (name: string, displayName: string, what: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: [
		{ name: 'All', value: 'all', description: `Incidents whether ${what} or not` },
		{ name: 'Only', value: 'only', description: `Only incidents where ${what}` },
		{ name: 'Exclude', value: 'exclude', description: `Only incidents where not ${what}` },
	],
	default: 'all',
});

const minimum = (name: string, displayName: string, what: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 1,
	description: `Only incidents with at least this many ${what}`,
});

/** Every analytics option, by name; each operation shows the ones PagerDuty takes for it. */
export const ANALYTICS_OPTIONS = {
	aggregateUnit: {
		displayName: 'Aggregate Unit',
		name: 'aggregateUnit',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Month', value: 'month' },
			{ name: 'Week', value: 'week' },
		],
		default: 'day',
		description:
			'One row per day, week or month (with its range_start); one row for the whole period when not set',
	},
	escalationPolicyIds: idList(
		'escalationPolicyIds',
		'Escalation Policy IDs',
		'incidents of these escalation policies (from Escalation Policy → Get Many)',
	),
	incidentTypeIds: idList(
		'incidentTypeIds',
		'Incident Type IDs',
		'incidents of these types (from Incident Type → Get Many)',
	),
	major: allOnlyExclude('major', 'Major Incidents', 'PagerDuty counts it as major'),
	minAcknowledgements: minimum('minAcknowledgements', 'Min Acknowledgements', 'acknowledgements'),
	minManualEscalations: minimum(
		'minManualEscalations',
		'Min Manual Escalations',
		'manual escalations',
	),
	minTimeoutEscalations: minimum(
		'minTimeoutEscalations',
		'Min Timeout Escalations',
		'escalations after a timeout',
	),
	order: {
		displayName: 'Order',
		name: 'order',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'desc',
		description: 'Direction of Order By',
	},
	orderBy: {
		displayName: 'Order By',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. total_incident_count',
		description: 'The metric to sort the rows by, as PagerDuty names it in the output',
	},
	rawIncidentOrderBy: {
		displayName: 'Order By',
		name: 'orderBy',
		type: 'options',
		options: [
			{ name: 'Created At', value: 'created_at' },
			{ name: 'Seconds to Resolve', value: 'seconds_to_resolve' },
		],
		default: 'created_at',
		description:
			'Sort the incidents by creation time (the default) or by how long they took to resolve',
	},
	pdAdvanceUsed: allOnlyExclude(
		'pdAdvanceUsed',
		'PD Advance Used',
		'PagerDuty Advance (AI) was used',
	),
	priorityIds: idList(
		'priorityIds',
		'Priority IDs',
		'incidents of these priorities (from Priority → Get Many)',
	),
	priorityNames: {
		displayName: 'Priority Names',
		name: 'priorityNames',
		type: 'string',
		default: '',
		placeholder: 'P1,P2',
		description: 'Only incidents of these priorities, by name (comma-separated)',
	},
	responderIds: idList(
		'responderIds',
		'Responder IDs',
		'these responders (user IDs, from User → Get Many)',
	),
	serviceIds: idList(
		'serviceIds',
		'Service IDs',
		'incidents of these services (from Service → Get Many)',
	),
	teamIds: idList('teamIds', 'Team IDs', 'incidents of these teams (from Team → Get Many)'),
	timeZone: {
		...timeZoneField,
		description:
			'Time zone of the dates in the result and of the days, weeks and months rows are grouped by (IANA name such as Europe/Berlin); UTC when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	updatedAfter: {
		displayName: 'Updated After',
		name: 'updatedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only incidents changed after this time (ISO 8601)',
	},
	urgency: { ...urgencyField, description: 'Only high- or only low-urgency incidents' },
} satisfies Record<string, INodeProperties>;

export type AnalyticsOption = keyof typeof ANALYTICS_OPTIONS;

/** The "Options" collection of an analytics operation, with these options. */
export function analyticsOptions(names: AnalyticsOption[]): INodeProperties {
	return optionsCollection(names.map((name) => ANALYTICS_OPTIONS[name]));
}

const threeWay = (value: unknown) =>
	value === 'only' ? true : value === 'exclude' ? false : undefined;

const nameList = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');

/** The item's analytics request: the period under `dates`' names, its filters and its settings. */
export function analyticsBody(
	context: IExecuteFunctions,
	itemIndex: number,
	dates: [start: string, end: string],
): IDataObject {
	const { start, end } = readDateRange(context, itemIndex);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const ids = (name: string, label: string) =>
		parseIdList(context, itemIndex, label, options[name]);
	const filters = withoutEmpty({
		[dates[0]]: start,
		[dates[1]]: end,
		updated_after: optionalDateTime(context, itemIndex, 'Updated After', options.updatedAfter),
		urgency: options.urgency,
		major: threeWay(options.major),
		pd_advance_used: threeWay(options.pdAdvanceUsed),
		// PagerDuty's spelling.
		min_ackowledgements: options.minAcknowledgements,
		min_timeout_escalations: options.minTimeoutEscalations,
		min_manual_escalations: options.minManualEscalations,
		team_ids: ids('teamIds', 'Team IDs'),
		service_ids: ids('serviceIds', 'Service IDs'),
		escalation_policy_ids: ids('escalationPolicyIds', 'Escalation Policy IDs'),
		priority_ids: ids('priorityIds', 'Priority IDs'),
		priority_names: nameList(options.priorityNames),
		responder_ids: ids('responderIds', 'Responder IDs'),
		incident_type_ids: ids('incidentTypeIds', 'Incident Type IDs'),
	});
	return withoutEmpty({
		filters,
		time_zone: options.timeZone,
		order: options.order,
		order_by: options.orderBy,
		aggregate_unit: options.aggregateUnit,
	});
}

/**
 * Runs `send` (analytics requests); PagerDuty refuses user API tokens and OAuth2 on the incident
 * endpoints without a team or service filter (`needsTeamOrService`): when the body has none, such
 * a refusal says so.
 */
export async function explainingFilterRefusal<T>(
	context: IExecuteFunctions,
	body: IDataObject,
	needsTeamOrService: boolean,
	send: () => Promise<T>,
): Promise<T> {
	const filters = (body.filters ?? {}) as IDataObject;
	if (!needsTeamOrService || filters.team_ids !== undefined || filters.service_ids !== undefined)
		return await send();
	const explanation = {
		message: 'with a user API token or OAuth2, PagerDuty needs a Team IDs or Service IDs filter',
		description:
			'Incident analytics need a team or service filter unless the credential is an account API key. Add Team IDs or Service IDs under Options.',
	};
	return await explainStatus(
		context,
		400,
		explanation,
		async () => await explainStatus(context, 403, explanation, send),
	);
}

/** An analytics operation whose answer is one list of rows: one output item each. */
export function metricsOperation(definition: {
	value: string;
	name: string;
	action: string;
	description: string;
	endpoint: Endpoint;
	dates: [start: string, end: string];
	options: AnalyticsOption[];
	needsTeamOrService: boolean;
}): Operation {
	const path = definition.endpoint.slice('POST '.length);
	return defineOperation({
		value: definition.value,
		name: definition.name,
		action: definition.action,
		description: `${definition.description} ${ANALYTICS_NOTES}`,
		endpoints: [definition.endpoint],
		properties: [...dateRangeFields, analyticsOptions(definition.options)],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const body = analyticsBody(this, itemIndex, definition.dates);
			// A POST that only reads: safe to repeat.
			const response = await explainingFilterRefusal(
				this,
				body,
				definition.needsTeamOrService,
				async () =>
					await pagerDutyApiRequest.call(this, { method: 'POST', path, body, idempotent: true }),
			);
			return (response.data as IDataObject[] | undefined) ?? [];
		},
	});
}

export const INCIDENT_DATES: [string, string] = ['created_at_start', 'created_at_end'];
export const RESPONDER_DATES: [string, string] = ['date_range_start', 'date_range_end'];

export const INCIDENT_METRIC_OPTIONS: AnalyticsOption[] = [
	'aggregateUnit',
	'escalationPolicyIds',
	'major',
	'minAcknowledgements',
	'minManualEscalations',
	'minTimeoutEscalations',
	'order',
	'orderBy',
	'pdAdvanceUsed',
	'priorityIds',
	'priorityNames',
	'serviceIds',
	'teamIds',
	'timeZone',
	'urgency',
];

export const RESPONDER_METRIC_OPTIONS: AnalyticsOption[] = [
	'order',
	'orderBy',
	'priorityIds',
	'priorityNames',
	'responderIds',
	'teamIds',
	'timeZone',
	'urgency',
];
