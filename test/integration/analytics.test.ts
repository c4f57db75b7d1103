import type { INodeParameters } from 'n8n-workflow';

import { jsonOf, pairedItemsOf, useSandbox } from './pagerduty';
import type { Incident } from '../../dev/sandbox/store';

// Enough incidents that raw incidents span two pages of 1,000.
const pagerDuty = useSandbox({ seed: { incidents: 1100 } });

const store = () => pagerDuty.sandbox.store;
const DAY_MS = 24 * 60 * 60 * 1000;

// The expected figures, recomputed here from the seeded incidents and log entries by the
// definitions the sandbox documents (rest-analytics.ts), never taken from its answers.
const entries = (incident: Incident, type: string) =>
	store()
		.incidentLogEntries(incident.id)
		.filter((entry) => entry.type === type);
const secondsBetween = (from: string, to: string) =>
	Math.round((Date.parse(to) - Date.parse(from)) / 1000);
const average = (values: number[]) =>
	values.length === 0
		? null
		: Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
const firstAckSeconds = (incident: Incident) => {
	const [ack] = entries(incident, 'acknowledge_log_entry');
	return ack ? secondsBetween(incident.created_at, ack.created_at) : null;
};
const resolveSeconds = (incident: Incident) =>
	incident.resolved_at ? secondsBetween(incident.created_at, incident.resolved_at) : null;
const respondersOf = (incident: Incident) => [
	...new Set(
		entries(incident, 'assign_log_entry').flatMap((entry) =>
			(entry.assignees ?? []).map((user) => user.id),
		),
	),
];

function expectedMetrics(incidents: Incident[]) {
	return {
		total_incident_count: incidents.length,
		total_incidents_acknowledged: incidents.filter(
			(incident) => entries(incident, 'acknowledge_log_entry').length > 0,
		).length,
		mean_seconds_to_first_ack: average(
			incidents.flatMap((incident) => firstAckSeconds(incident) ?? []),
		),
		mean_seconds_to_resolve: average(
			incidents.flatMap((incident) => resolveSeconds(incident) ?? []),
		),
		total_escalation_count: incidents.reduce(
			(sum, incident) => sum + entries(incident, 'escalate_log_entry').length,
			0,
		),
	};
}

/** A window of the last `days` days (to a minute from now), and the incidents created in it. */
function lastDays(days: number) {
	const end = new Date(store().nowMs() + 60_000).toISOString();
	const start = new Date(store().nowMs() - days * DAY_MS).toISOString();
	const incidents = store().incidents.filter(
		(incident) => incident.created_at >= start && incident.created_at < end,
	);
	return { start, end, incidents };
}

const metrics = (operation: string, parameters: INodeParameters) =>
	pagerDuty.run({ resource: 'analytics', operation, ...parameters });

describe('Analytics → Get Incident Metrics', () => {
	it("sends the period and filters in PagerDuty's body and returns its one row", async () => {
		const { start, end, incidents } = lastDays(10);
		const result = await metrics('getIncidentMetrics', {
			start,
			end,
			options: { urgency: 'high' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: '/analytics/metrics/incidents/all',
			status: 200,
		});
		expect(request.body).toEqual({
			filters: { created_at_start: start, created_at_end: end, urgency: 'high' },
		});
		const high = incidents.filter((incident) => incident.urgency === 'high');
		expect(high.length).toBeGreaterThan(100);
		expect(jsonOf(result)).toEqual([expect.objectContaining(expectedMetrics(high))]);
	});

	it('returns one item per day with Aggregate Unit, each with its range_start', async () => {
		const { start, end, incidents } = lastDays(5);
		const result = await metrics('getIncidentMetrics', {
			start,
			end,
			options: {
				aggregateUnit: 'day',
				order: 'asc',
				orderBy: 'total_incident_count',
				timeZone: 'Europe/Berlin',
			},
		});
		expect(pagerDuty.restRequests()[0].body).toMatchObject({
			aggregate_unit: 'day',
			order: 'asc',
			order_by: 'total_incident_count',
			time_zone: 'Europe/Berlin',
		});
		const byDay = new Map<string, Incident[]>();
		for (const incident of incidents) {
			const day = `${incident.created_at.slice(0, 10)}T00:00:00`;
			byDay.set(day, [...(byDay.get(day) ?? []), incident]);
		}
		const rows = jsonOf(result);
		expect(rows).toHaveLength(byDay.size);
		for (const row of rows)
			expect(row).toMatchObject(expectedMetrics(byDay.get(String(row.range_start))!));
		const counts = rows.map((row) => Number(row.total_incident_count));
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
	});

	it('maps the major and PD Advance choices to true, false or nothing', async () => {
		const { start, end, incidents } = lastDays(20);
		const only = await metrics('getIncidentMetrics', {
			start,
			end,
			options: { major: 'only', pdAdvanceUsed: 'exclude', minAcknowledgements: 1 },
		});
		expect(pagerDuty.restRequests()[0].body).toEqual({
			filters: {
				created_at_start: start,
				created_at_end: end,
				major: true,
				pd_advance_used: false,
				min_ackowledgements: 1,
			},
		});
		// The sandbox counts P1 incidents as major.
		const majorAcknowledged = incidents.filter(
			(incident) =>
				incident.priority?.summary === 'P1' &&
				entries(incident, 'acknowledge_log_entry').length >= 1,
		);
		expect(jsonOf(only)[0].total_incident_count).toBe(majorAcknowledged.length);

		await metrics('getIncidentMetrics', { start, end, options: { major: 'all' } });
		expect(pagerDuty.restRequests()[1].body).toEqual({
			filters: { created_at_start: start, created_at_end: end },
		});
	});

	it('refuses a period PagerDuty would refuse, and malformed IDs, before sending', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'analytics',
				operation: 'getIncidentMetrics',
				start: '={{ $json.start }}',
				end: '={{ $json.end }}',
				options: { teamIds: '={{ $json.teams }}' },
			},
			{
				items: [
					{ start: '2026-02-01T00:00:00Z', end: '2026-01-01T00:00:00Z', teams: '' },
					{ start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:01Z', teams: '' },
					{ start: 'yesterday', end: '2026-01-01T00:00:00Z', teams: '' },
					{ start: '2025-06-01T00:00:00Z', end: '2026-01-01T00:00:00Z', teams: 'PTEAM1,team 2' },
					{ start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z', teams: '' },
				],
				continueOnFail: true,
			},
		);
		const output = jsonOf(result);
		expect(output.slice(0, 4).map((item) => item.error)).toEqual([
			'"End" must be after "Start" [item 0]',
			'"End" must be at most a year after "Start": PagerDuty gives analytics for up to a year at a time [item 1]',
			'"Start" must be a date and time such as 2026-11-01T00:00:00Z [item 2]',
			'"Team IDs" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 3]',
		]);
		// Exactly a year is allowed.
		expect(output[4]).toHaveProperty('total_incident_count');
		expect(pairedItemsOf(result)).toEqual([0, 1, 2, 3, 4]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it("explains PagerDuty's refusal of a user token without a team or service filter", async () => {
		const { start, end, incidents } = lastDays(3);
		const refused = await metrics('getIncidentMetrics', { start, end });
		expect(refused.error).toBeUndefined();

		const asUser = await pagerDuty.run(
			{ resource: 'analytics', operation: 'getIncidentMetrics', start, end },
			{ auth: 'userToken' },
		);
		expect(asUser.error?.message).toBe(
			'PagerDuty 400: with a user API token or OAuth2, PagerDuty needs a Team IDs or Service IDs filter',
		);
		expect(asUser.error?.description).toContain('A team_ids or service_ids filter is required');

		const team = store().teams[0];
		const filtered = await pagerDuty.run(
			{
				resource: 'analytics',
				operation: 'getIncidentMetrics',
				start,
				end,
				options: { teamIds: team.id },
			},
			{ auth: 'userToken' },
		);
		expect(jsonOf(filtered)).toEqual([
			expect.objectContaining(
				expectedMetrics(
					incidents.filter((incident) => incident.teams.some(({ id }) => id === team.id)),
				),
			),
		]);
	});
});

describe('Analytics → Get Incident Metrics by Service / by Team', () => {
	it('returns one row per service with incidents in the period', async () => {
		const { start, end, incidents } = lastDays(15);
		const result = await metrics('getIncidentMetricsByService', { start, end });
		expect(pagerDuty.restRequests()[0].path).toBe('/analytics/metrics/incidents/services');
		const rows = jsonOf(result);
		const services = store().services.filter((service) =>
			incidents.some((incident) => incident.service.id === service.id),
		);
		expect(rows.map((row) => row.service_id).sort()).toEqual(services.map(({ id }) => id).sort());
		for (const service of services)
			expect(rows.find((row) => row.service_id === service.id)).toMatchObject({
				service_name: service.name,
				...expectedMetrics(incidents.filter((incident) => incident.service.id === service.id)),
			});
	});

	it('returns one row per team, filtered by service', async () => {
		const { start, end, incidents } = lastDays(15);
		const [web, checkout] = store().services;
		const result = await metrics('getIncidentMetricsByTeam', {
			start,
			end,
			options: { serviceIds: `${web.id},${checkout.id}` },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			path: '/analytics/metrics/incidents/teams',
			body: { filters: { service_ids: [web.id, checkout.id] } },
		});
		const selected = incidents.filter((incident) =>
			[web.id, checkout.id].includes(incident.service.id),
		);
		const rows = jsonOf(result);
		expect(rows).toHaveLength(2);
		for (const row of rows)
			expect(row).toMatchObject(
				expectedMetrics(
					selected.filter((incident) => incident.teams.some(({ id }) => id === row.team_id)),
				),
			);
	});
});

describe('Analytics → Get Responder Metrics / Get Responder Load', () => {
	function expectedResponder(userId: string, incidents: Incident[]) {
		const theirs = incidents.filter((incident) => respondersOf(incident).includes(userId));
		const ackSeconds = theirs.flatMap((incident) => {
			const ack = entries(incident, 'acknowledge_log_entry').find(
				(entry) => entry.agent.id === userId,
			);
			return ack ? [secondsBetween(incident.created_at, ack.created_at)] : [];
		});
		return {
			total_incident_count: theirs.length,
			total_incidents_acknowledged: ackSeconds.length,
			mean_time_to_acknowledge_seconds: average(ackSeconds),
			total_seconds_on_call: theirs.reduce(
				(sum, incident) => sum + (resolveSeconds(incident) ?? 0),
				0,
			),
		};
	}

	it("sends the period as date_range_* and returns each responder's load", async () => {
		const { start, end, incidents } = lastDays(7);
		const result = await metrics('getResponderLoad', {
			start,
			end,
			options: { priorityNames: 'P1, P2' },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			path: '/analytics/metrics/responders/all',
			body: {
				filters: { date_range_start: start, date_range_end: end, priority_names: ['P1', 'P2'] },
			},
		});
		const selected = incidents.filter((incident) =>
			['P1', 'P2'].includes(incident.priority?.summary ?? ''),
		);
		const responders = [...new Set(selected.flatMap(respondersOf))];
		const rows = jsonOf(result);
		expect(rows.map((row) => row.responder_id).sort()).toEqual([...responders].sort());
		for (const row of rows)
			expect(row).toMatchObject(expectedResponder(String(row.responder_id), selected));
	});

	it('returns one row per responder and team, for the chosen responders', async () => {
		const { start, end, incidents } = lastDays(7);
		const user = store().users[0];
		const result = await metrics('getResponderMetrics', {
			start,
			end,
			options: { responderIds: user.id },
		});
		expect(pagerDuty.restRequests()[0].path).toBe('/analytics/metrics/responders/teams');
		const rows = jsonOf(result);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(row).toMatchObject({ responder_id: user.id, responder_name: user.name });
			expect(row).toMatchObject(
				expectedResponder(
					user.id,
					incidents.filter((incident) => incident.teams.some(({ id }) => id === row.team_id)),
				),
			);
		}
	});
});

describe('Analytics → Get Many Raw Incidents', () => {
	const newestFirst = (incidents: Incident[]) =>
		[...incidents].sort(
			(a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id.localeCompare(a.id),
		);

	it('pages with starting_after = the last ID while PagerDuty says more, to the end with Return All', async () => {
		const { start, end, incidents } = lastDays(30);
		expect(incidents.length).toBeGreaterThan(1000);
		const result = await metrics('getAllRawIncidents', { start, end, returnAll: true });
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => request.body)).toEqual([
			{ filters: { created_at_start: start, created_at_end: end }, limit: 1000 },
			{
				filters: { created_at_start: start, created_at_end: end },
				limit: 1000,
				starting_after: jsonOf(result)[999].id,
			},
		]);
		const expected = newestFirst(incidents);
		expect(jsonOf(result).map((row) => row.id)).toEqual(expected.map(({ id }) => id));
		const sample = jsonOf(result)[5];
		const incident = store().incident(String(sample.id))!;
		expect(sample).toMatchObject({
			incident_number: incident.incident_number,
			service_id: incident.service.id,
			seconds_to_first_ack: firstAckSeconds(incident),
			seconds_to_resolve: resolveSeconds(incident),
		});
	});

	it('asks for no more than the Limit, and sorts by seconds to resolve when asked', async () => {
		const { start, end, incidents } = lastDays(30);
		const result = await metrics('getAllRawIncidents', {
			start,
			end,
			limit: 7,
			options: { orderBy: 'seconds_to_resolve', order: 'asc', urgency: 'low' },
		});
		const [request] = pagerDuty.restRequests();
		expect(request.body).toEqual({
			filters: { created_at_start: start, created_at_end: end, urgency: 'low' },
			order: 'asc',
			order_by: 'seconds_to_resolve',
			limit: 7,
		});
		const fastest = incidents
			.filter((incident) => incident.urgency === 'low' && incident.resolved_at)
			.map((incident) => resolveSeconds(incident)!)
			.sort((a, b) => a - b)
			.slice(0, 7);
		expect(jsonOf(result).map((row) => row.seconds_to_resolve)).toEqual(fastest);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it('reads a second page only as far as the Limit reaches', async () => {
		const { start, end } = lastDays(30);
		const result = await metrics('getAllRawIncidents', { start, end, limit: 1050 });
		expect(result.items).toHaveLength(1050);
		expect(
			pagerDuty.restRequests().map((request) => (request.body as { limit: number }).limit),
		).toEqual([1000, 50]);
	});
});
