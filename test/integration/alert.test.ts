import {
	ADMIN_EMAIL,
	DEFAULT_ACCOUNT_TOKEN,
	jsonOf,
	pairedItemsOf,
	queryOf,
	useSandbox,
} from './pagerduty';
import { addAlert, sandboxAlerts } from '../../dev/sandbox/rest-alerts';
import type { Incident } from '../../dev/sandbox/store';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const openIncidents = () => store().incidents.filter((incident) => incident.status !== 'resolved');

/** An open incident with `count` triggered alerts (its seeded alert, if any, plus new ones). */
function incidentWithAlerts(count: number, index = 0): Incident {
	const incident = openIncidents()[index];
	while (
		sandboxAlerts(store()).filter((alert) => alert.incident.id === incident.id).length < count
	) {
		addAlert(store(), incident, `Disk usage above 90% on db-${incident.alert_counts.all + 1}`);
	}
	return incident;
}

const alertsOf = (incident: Incident) =>
	sandboxAlerts(store()).filter((alert) => alert.incident.id === incident.id);

describe('Alert → Get', () => {
	it('reads one alert of an incident', async () => {
		const incident = incidentWithAlerts(2);
		const alert = alertsOf(incident)[1];
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'get',
			incidentId: incident.id,
			alertId: alert.id,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/incidents/${incident.id}/alerts/${alert.id}`,
			status: 200,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				id: alert.id,
				type: 'alert',
				status: 'triggered',
				incident: expect.objectContaining({ id: incident.id }),
			}),
		]);
	});

	it("maps an alert of another incident to PagerDuty's 404, and refuses a malformed alert ID", async () => {
		const incident = incidentWithAlerts(1, 0);
		const other = incidentWithAlerts(1, 1);
		const result = await pagerDuty.run(
			{
				resource: 'alert',
				operation: 'get',
				incidentId: incident.id,
				alertId: '={{ $json.alertId }}',
			},
			{
				items: [{ alertId: alertsOf(other)[0].id }, { alertId: '../notes' }],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			'PagerDuty 404: Not Found (code 2100)',
			'"Alert ID" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 1]',
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('Alert → Get Many', () => {
	it('pages through all alerts of an incident', async () => {
		const incident = incidentWithAlerts(130);
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'getAll',
			incidentId: incident.id,
			returnAll: true,
		});
		expect(jsonOf(result).map((alert) => alert.id)).toEqual(
			alertsOf(incident).map((alert) => alert.id),
		);
		const offsets = pagerDuty.restRequests().map((request) => Number(queryOf(request).offset));
		expect(offsets.sort((a, b) => a - b)).toEqual([0, 100]);
	});

	it('sends the filters PagerDuty offers and returns only matching alerts', async () => {
		const incident = incidentWithAlerts(4);
		const [first, second] = alertsOf(incident);
		second.status = 'resolved';
		second.resolved_at = store().nowIso();
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'getAll',
			incidentId: incident.id,
			limit: 10,
			options: {
				statuses: ['triggered'],
				alertKey: first.alert_key,
				sortBy: 'created_at:desc',
				include: ['firstTriggerLogEntries', 'services'],
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			'statuses[]': 'triggered',
			alert_key: first.alert_key,
			sort_by: 'created_at:desc',
			'include[]': ['first_trigger_log_entries', 'services'],
		});
		expect(jsonOf(result).map((alert) => alert.id)).toEqual([first.id]);
	});

	it('maps an unknown incident to 404', async () => {
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'getAll',
			incidentId: 'QDOESNOTEXIST1',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Alert → Update', () => {
	it('resolves an alert with From; the incident stays open while other alerts are triggered', async () => {
		const incident = incidentWithAlerts(2);
		const [alert] = alertsOf(incident);
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'update',
			incidentId: incident.id,
			alertId: alert.id,
			resolve: true,
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/incidents/${incident.id}/alerts/${alert.id}`,
			status: 200,
		});
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({ alert: { type: 'alert', status: 'resolved' } });
		expect(jsonOf(result)[0]).toMatchObject({ id: alert.id, status: 'resolved' });
		expect(store().incident(incident.id)?.status).not.toBe('resolved');
	});

	it('moves an alert to another incident given by URL; the emptied incident is resolved', async () => {
		const source = incidentWithAlerts(1, 0);
		const target = incidentWithAlerts(1, 1);
		const [alert] = alertsOf(source);
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'update',
			incidentId: source.id,
			alertId: alert.id,
			moveToIncidentId: { __rl: true, mode: 'url', value: target.html_url },
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].body).toEqual({
			alert: { type: 'alert', incident: { id: target.id, type: 'incident_reference' } },
		});
		expect(jsonOf(result)[0]).toMatchObject({ id: alert.id, incident: { id: target.id } });
		expect(store().incident(source.id)?.status).toBe('resolved');
	});

	it("refuses an update that changes nothing, and shows PagerDuty's 400 for a resolved target", async () => {
		const incident = incidentWithAlerts(1);
		const resolved = store().incidents.find((candidate) => candidate.status === 'resolved')!;
		const alertId = alertsOf(incident)[0].id;
		const result = await pagerDuty.run(
			{
				resource: 'alert',
				operation: 'update',
				incidentId: incident.id,
				alertId,
				resolve: false,
				moveToIncidentId: '={{ $json.target }}',
				email: ADMIN_EMAIL,
			},
			{ items: [{ target: '' }, { target: resolved.id }], continueOnFail: true },
		);
		const [nothing, rejected] = jsonOf(result);
		expect(nothing.error).toBe(
			'"Resolve" must be on, or "Move to Incident" set: there is nothing to change [item 0]',
		);
		expect(rejected.error).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(rejected.description).toMatch(/alerts can only move to an open incident/);
	});
});

describe('Alert → Update Many', () => {
	it('resolves many alerts in requests of at most 250; resolving the last one resolves the incident', async () => {
		const incident = incidentWithAlerts(300);
		const ids = alertsOf(incident).map((alert) => alert.id);
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'manageMany',
			incidentId: incident.id,
			alertIds: ids,
			resolve: true,
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(
			requests.map((request) => [
				request.method,
				request.path,
				(request.body as { alerts: unknown[] }).alerts.length,
			]),
		).toEqual([
			['PUT', `/incidents/${incident.id}/alerts`, 250],
			['PUT', `/incidents/${incident.id}/alerts`, 50],
		]);
		expect((requests[0].body as { alerts: unknown[] }).alerts[0]).toEqual({
			id: ids[0],
			type: 'alert',
			status: 'resolved',
		});
		expect(jsonOf(result).map((alert) => alert.id)).toEqual(ids);
		expect(jsonOf(result).every((alert) => alert.status === 'resolved')).toBe(true);
		expect(store().incident(incident.id)).toMatchObject({
			status: 'resolved',
			alert_counts: { all: 300, triggered: 0, resolved: 300 },
		});
	});

	it('rejects the whole request when one alert is unknown, leaving the others untouched', async () => {
		const incident = incidentWithAlerts(2);
		const result = await pagerDuty.run({
			resource: 'alert',
			operation: 'manageMany',
			incidentId: incident.id,
			alertIds: `${alertsOf(incident)[0].id},QNOSUCHALERT01`,
			resolve: true,
			email: ADMIN_EMAIL,
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(alertsOf(incident).every((alert) => alert.status === 'triggered')).toBe(true);
	});

	it('answers 413 above 250 alerts in one request (the node never sends that many)', async () => {
		const incident = incidentWithAlerts(251);
		const alerts = alertsOf(incident).map((alert) => ({
			id: alert.id,
			type: 'alert',
			status: 'resolved',
		}));
		const response = await fetch(`${pagerDuty.sandbox.url}/incidents/${incident.id}/alerts`, {
			method: 'PUT',
			headers: {
				Accept: 'application/vnd.pagerduty+json;version=2',
				'Content-Type': 'application/json',
				Authorization: `Token token=${DEFAULT_ACCOUNT_TOKEN}`,
				From: ADMIN_EMAIL,
			},
			body: JSON.stringify({ alerts }),
		});
		expect(response.status).toBe(413);
	});
});
