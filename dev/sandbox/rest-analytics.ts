/**
 * Analytics, computed from the seeded incidents and their log entries (PagerDuty's own pipeline
 * lags by up to a day; the sandbox's figures are current). Sandbox rules, kept simple so tests can
 * recompute every figure from the store:
 * - an incident counts when created_at_start ≤ created_at < created_at_end (responders:
 *   date_range_*), both required, the end after the start and at most a year later;
 * - acknowledged: it has an acknowledge log entry; seconds to first ack: to the first of them;
 *   escalations: its escalate log entries; responders: the users of its assign log entries;
 * - major: its priority is P1; PD Advance is never used; there are no timeout escalations;
 * - user-level keys and OAuth tokens must filter by team or service on the incident endpoints
 *   (PagerDuty documents this; the 400 is the sandbox's choice of answer).
 * `aggregate_unit` buckets by UTC day, ISO week (Monday) or month; `time_zone` is echoed only.
 */
import { invalidInput } from './errors';
import { paginateStartingAfter, RestHandler, RestRequest } from './rest-common';
import { incidentTypes } from './rest-incident-types';
import { Incident, SandboxStore } from './store';

interface Filters {
	created_at_start?: string;
	created_at_end?: string;
	date_range_start?: string;
	date_range_end?: string;
	updated_after?: string;
	urgency?: string;
	major?: boolean;
	min_ackowledgements?: number;
	min_timeout_escalations?: number;
	min_manual_escalations?: number;
	team_ids?: string[];
	service_ids?: string[];
	escalation_policy_ids?: string[];
	priority_ids?: string[];
	priority_names?: string[];
	pd_advance_used?: boolean;
	incident_type_ids?: string[];
	responder_ids?: string[];
}

interface AnalyticsBody {
	filters?: Filters;
	time_zone?: string;
	order?: 'asc' | 'desc';
	order_by?: string;
	aggregate_unit?: 'day' | 'week' | 'month' | null;
}

type Row = Record<string, unknown>;

const seconds = (from: string, to: string) =>
	Math.round((Date.parse(to) - Date.parse(from)) / 1000);
const mean = (values: number[]) =>
	values.length === 0
		? null
		: Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
const unique = <T>(values: T[]) => [...new Set(values)];

/** What analytics knows of one incident, from the incident and its log entries. */
export function incidentFacts(store: SandboxStore, incident: Incident) {
	const entries = store.incidentLogEntries(incident.id);
	const acknowledgements = entries.filter((entry) => entry.type === 'acknowledge_log_entry');
	const escalations = entries.filter((entry) => entry.type === 'escalate_log_entry');
	const responders = unique(
		entries
			.filter((entry) => entry.type === 'assign_log_entry')
			.flatMap((entry) => entry.assignees ?? [])
			.map((assignee) => assignee.id),
	);
	return {
		acknowledgements,
		escalationCount: escalations.length,
		secondsToFirstAck: acknowledgements[0]
			? seconds(incident.created_at, acknowledgements[0].created_at)
			: null,
		secondsToResolve: incident.resolved_at
			? seconds(incident.created_at, incident.resolved_at)
			: null,
		responders,
		major: incident.priority?.summary === 'P1',
	};
}

/** Start and end of the window, checked: both given, the end after the start, at most a year on. */
function windowOf(start: string | undefined, end: string | undefined, names: [string, string]) {
	if (start === undefined || end === undefined)
		throw invalidInput([`${names[0]} and ${names[1]} are required`]);
	const from = Date.parse(start);
	const to = Date.parse(end);
	if (Number.isNaN(from) || Number.isNaN(to))
		throw invalidInput([`${names[0]} and ${names[1]} must be dates`]);
	if (to <= from) throw invalidInput([`${names[1]} must be after ${names[0]}`]);
	const yearOn = new Date(from);
	yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
	if (to > yearOn.getTime()) throw invalidInput(['The date range may not exceed one year']);
	return { from, to };
}

const some = (wanted: string[] | undefined, ...values: Array<string | undefined>) =>
	wanted === undefined ||
	wanted.length === 0 ||
	values.some((value) => value && wanted.includes(value));

/** The incidents a body's filters select (incident endpoints and raw incidents). */
function selectIncidents(
	store: SandboxStore,
	filters: Filters,
	dates: [keyof Filters, keyof Filters],
) {
	const { from, to } = windowOf(
		filters[dates[0]] as string | undefined,
		filters[dates[1]] as string | undefined,
		dates,
	);
	const typeNames =
		filters.incident_type_ids &&
		incidentTypes(store)
			.filter((type) => filters.incident_type_ids!.includes(type.id))
			.map((type) => type.name);
	return store.incidents.filter((incident) => {
		const created = Date.parse(incident.created_at);
		const facts = incidentFacts(store, incident);
		return (
			created >= from &&
			created < to &&
			(filters.updated_after === undefined ||
				Date.parse(incident.updated_at) > Date.parse(filters.updated_after)) &&
			(filters.urgency === undefined || incident.urgency === filters.urgency) &&
			(filters.major === undefined || facts.major === filters.major) &&
			(filters.pd_advance_used === undefined || filters.pd_advance_used === false) &&
			facts.acknowledgements.length >= (filters.min_ackowledgements ?? 0) &&
			(filters.min_timeout_escalations ?? 0) <= 0 &&
			facts.escalationCount >= (filters.min_manual_escalations ?? 0) &&
			some(filters.team_ids, ...incident.teams.map((team) => team.id)) &&
			some(filters.service_ids, incident.service.id) &&
			some(filters.escalation_policy_ids, incident.escalation_policy.id) &&
			some(filters.priority_ids, incident.priority?.id) &&
			some(filters.priority_names, incident.priority?.summary) &&
			(typeNames === undefined || typeNames.includes(incident.incident_type.name))
		);
	});
}

const bodyOf = (request: RestRequest) => (request.match.body ?? {}) as AnalyticsBody;

function requireTeamOrServiceForUsers(request: RestRequest, filters: Filters): void {
	if (request.principal === 'account') return;
	if ((filters.team_ids?.length ?? 0) + (filters.service_ids?.length ?? 0) > 0) return;
	throw invalidInput([
		'A team_ids or service_ids filter is required for user-level API keys and OAuth tokens',
	]);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The start of the UTC day, ISO week or month an instant falls in, as PagerDuty writes range_start. */
export function rangeStart(iso: string, unit: 'day' | 'week' | 'month'): string {
	const date = new Date(iso);
	const day = new Date(
		Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), unit === 'month' ? 1 : date.getUTCDate()),
	);
	if (unit === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T00:00:00`;
}

/** The metrics of a group of incidents. */
function incidentMetrics(store: SandboxStore, incidents: Incident[]): Row {
	const facts = incidents.map((incident) => incidentFacts(store, incident));
	return {
		total_incident_count: incidents.length,
		total_incidents_acknowledged: facts.filter((fact) => fact.acknowledgements.length > 0).length,
		mean_seconds_to_first_ack: mean(facts.flatMap((fact) => fact.secondsToFirstAck ?? [])),
		mean_seconds_to_resolve: mean(facts.flatMap((fact) => fact.secondsToResolve ?? [])),
		total_escalation_count: facts.reduce((sum, fact) => sum + fact.escalationCount, 0),
		total_incidents_manual_escalated: facts.filter((fact) => fact.escalationCount > 0).length,
	};
}

function ordered(rows: Row[], body: AnalyticsBody): Row[] {
	if (!body.order_by) return rows;
	const direction = body.order === 'asc' ? 1 : -1;
	const key = body.order_by;
	return [...rows].sort(
		(a, b) => direction * (Number(a[key] ?? -Infinity) - Number(b[key] ?? -Infinity)),
	);
}

const answer = (body: AnalyticsBody, data: Row[], extra: Row = {}) => ({
	status: 200,
	body: {
		data,
		filters: body.filters ?? {},
		time_zone: body.time_zone ?? 'Etc/UTC',
		order: body.order ?? 'desc',
		order_by: body.order_by ?? null,
		...extra,
	},
});

type Grouping = (store: SandboxStore, incident: Incident) => Array<{ key: string; fields: Row }>;

const GROUPINGS: Record<'all' | 'services' | 'teams', Grouping> = {
	all: () => [{ key: '', fields: {} }],
	services: (store, incident) => [
		{
			key: incident.service.id,
			fields: { service_id: incident.service.id, service_name: incident.service.summary },
		},
	],
	teams: (store, incident) =>
		incident.teams.map((team) => ({
			key: team.id,
			fields: { team_id: team.id, team_name: team.summary },
		})),
};

const incidentMetricsHandler =
	(grouping: keyof typeof GROUPINGS): RestHandler =>
	(store, request) => {
		const body = bodyOf(request);
		const filters = body.filters ?? {};
		requireTeamOrServiceForUsers(request, filters);
		const incidents = selectIncidents(store, filters, ['created_at_start', 'created_at_end']);
		const unit = body.aggregate_unit ?? undefined;
		const groups = new Map<string, { fields: Row; incidents: Incident[] }>();
		for (const incident of incidents) {
			for (const { key, fields } of GROUPINGS[grouping](store, incident)) {
				const range = unit ? rangeStart(incident.created_at, unit) : '';
				const group = groups.get(`${key}|${range}`) ?? {
					fields: { ...fields, ...(unit && { range_start: range }) },
					incidents: [],
				};
				group.incidents.push(incident);
				groups.set(`${key}|${range}`, group);
			}
		}
		// One row for the whole period even without incidents, as for an empty account.
		if (groups.size === 0 && grouping === 'all' && !unit)
			groups.set('', { fields: {}, incidents: [] });
		const rows = [...groups.values()].map(({ fields, incidents: members }) => ({
			...fields,
			...incidentMetrics(store, members),
		}));
		return answer(body, ordered(rows, body), { aggregate_unit: body.aggregate_unit ?? null });
	};

/**
 * Responder metrics: per responder (`all`) or per responder and incident team (`teams`), over the
 * incidents they were assigned in the window: how many, how many they acknowledged, their mean
 * time to acknowledge, and the time from creation to resolution of the resolved ones as time on call.
 */
const responderMetricsHandler =
	(byTeam: boolean): RestHandler =>
	(store, request) => {
		const body = bodyOf(request);
		const filters = body.filters ?? {};
		const incidents = selectIncidents(store, { ...filters, responder_ids: undefined }, [
			'date_range_start',
			'date_range_end',
		]);
		const groups = new Map<string, { fields: Row; incidents: Incident[]; userId: string }>();
		for (const incident of incidents) {
			for (const userId of incidentFacts(store, incident).responders) {
				if (!some(filters.responder_ids, userId)) continue;
				const user = store.user(userId);
				const teams = byTeam ? incident.teams : [undefined];
				for (const team of teams) {
					const key = `${userId}|${team?.id ?? ''}`;
					const group = groups.get(key) ?? {
						userId,
						incidents: [],
						fields: {
							responder_id: userId,
							responder_name: user?.name ?? userId,
							...(team && { team_id: team.id, team_name: team.summary }),
						},
					};
					group.incidents.push(incident);
					groups.set(key, group);
				}
			}
		}
		const rows = [...groups.values()].map(({ fields, incidents: members, userId }) => {
			const ackSeconds = members.flatMap((incident) => {
				const ack = incidentFacts(store, incident).acknowledgements.find(
					(entry) => entry.agent.id === userId,
				);
				return ack ? [seconds(incident.created_at, ack.created_at)] : [];
			});
			return {
				...fields,
				total_incident_count: members.length,
				total_incidents_acknowledged: ackSeconds.length,
				mean_time_to_acknowledge_seconds: mean(ackSeconds),
				total_seconds_on_call: members.reduce(
					(sum, incident) =>
						sum + (incident.resolved_at ? seconds(incident.created_at, incident.resolved_at) : 0),
					0,
				),
			};
		});
		return answer(body, ordered(rows, body));
	};

/** One raw incident row. */
export function rawIncident(store: SandboxStore, incident: Incident): Row & { id: string } {
	const facts = incidentFacts(store, incident);
	const type = incidentTypes(store).find(({ name }) => name === incident.incident_type.name);
	return {
		id: incident.id,
		incident_number: incident.incident_number,
		created_at: incident.created_at,
		updated_at: incident.updated_at,
		resolved_at: incident.resolved_at,
		status: incident.status,
		urgency: incident.urgency,
		major: facts.major,
		service_id: incident.service.id,
		service_name: incident.service.summary,
		team_id: incident.teams[0]?.id ?? null,
		team_name: incident.teams[0]?.summary ?? null,
		escalation_policy_id: incident.escalation_policy.id,
		escalation_policy_name: incident.escalation_policy.summary,
		priority_id: incident.priority?.id ?? null,
		priority_name: incident.priority?.summary ?? null,
		incident_type_id: type?.id ?? null,
		incident_type_name: type?.name ?? null,
		acknowledgement_count: facts.acknowledgements.length,
		escalation_count: facts.escalationCount,
		assigned_user_ids: facts.responders,
		seconds_to_first_ack: facts.secondsToFirstAck,
		seconds_to_resolve: facts.secondsToResolve,
	};
}

const rawIncidents: RestHandler = (store, request) => {
	const body = bodyOf(request) as AnalyticsBody & {
		order_by?: 'created_at' | 'seconds_to_resolve';
	};
	const filters = body.filters ?? {};
	requireTeamOrServiceForUsers(request, filters);
	const orderBy = body.order_by ?? 'created_at';
	const direction = body.order === 'asc' ? 1 : -1;
	const value = (row: Row) =>
		orderBy === 'created_at'
			? Date.parse(String(row.created_at))
			: (row.seconds_to_resolve as number | null);
	const rows = selectIncidents(store, filters, ['created_at_start', 'created_at_end'])
		.map((incident) => rawIncident(store, incident))
		.sort((a, b) => {
			const [left, right] = [value(a), value(b)];
			// Unresolved incidents have no time to resolve: they come last either way.
			if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
			return direction * (left - right || a.id.localeCompare(b.id));
		});
	const page = paginateStartingAfter(request, rows, 'data');
	return {
		status: 200,
		body: {
			...(page.body as Row),
			order: body.order ?? 'desc',
			order_by: orderBy,
			filters,
			time_zone: body.time_zone ?? 'Etc/UTC',
		},
	};
};

export const ANALYTICS_HANDLERS: Record<string, RestHandler> = {
	'POST /analytics/metrics/incidents/all': incidentMetricsHandler('all'),
	'POST /analytics/metrics/incidents/services': incidentMetricsHandler('services'),
	'POST /analytics/metrics/incidents/teams': incidentMetricsHandler('teams'),
	'POST /analytics/metrics/responders/all': responderMetricsHandler(false),
	'POST /analytics/metrics/responders/teams': responderMetricsHandler(true),
	'POST /analytics/raw/incidents': rawIncidents,
};
