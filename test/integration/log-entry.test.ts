import { jsonOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const busiestIncident = () =>
	store().incidents.reduce((best, incident) =>
		store().incidentLogEntries(incident.id).length > store().incidentLogEntries(best.id).length
			? incident
			: best,
	);

describe('Log Entry → Get', () => {
	it('reads one log entry, and maps an unknown one to 404', async () => {
		const entry = store().logEntries[0];
		const result = await pagerDuty.run(
			{ resource: 'logEntry', operation: 'get', logEntryId: '={{ $json.id }}' },
			{ items: [{ id: entry.id }, { id: 'QNOSUCHENTRY01' }], continueOnFail: true },
		);
		const [found, missing] = jsonOf(result);
		expect(found).toMatchObject({ id: entry.id, type: entry.type, summary: entry.summary });
		expect(missing.error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(pagerDuty.restRequests()[0].path).toMatch(/^\/log_entries\//);
	});
});

describe('Log Entry → Get Many', () => {
	it('sends the time window, overview, include and time zone filters, and keeps full objects by default', async () => {
		const until = store().nowIso();
		const since = new Date(Date.parse(until) - 7 * 86_400_000).toISOString();
		const result = await pagerDuty.run({
			resource: 'logEntry',
			operation: 'getAll',
			returnAll: true,
			options: {
				since,
				until,
				isOverview: true,
				include: ['incidents', 'services'],
				timeZone: 'Europe/Berlin',
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			since,
			until,
			is_overview: 'true',
			'include[]': ['incidents', 'services'],
			time_zone: 'Europe/Berlin',
		});
		const entries = jsonOf(result);
		expect(entries.length).toBeGreaterThan(0);
		expect(
			entries.every((entry) => store().isOverviewLogEntry(store().logEntry(String(entry.id))!)),
		).toBe(true);
		expect(
			entries.every(
				(entry) =>
					String(entry.created_at).endsWith('+01:00') ||
					String(entry.created_at).endsWith('+02:00'),
			),
		).toBe(true);
		expect(entries[0]).toHaveProperty('self');
		expect(entries[0]).toHaveProperty('channel');
	});

	it('returns the simplified fields when Simplify is on', async () => {
		const result = await pagerDuty.run({
			resource: 'logEntry',
			operation: 'getAll',
			limit: 1,
			simplify: true,
		});
		const [simplified] = jsonOf(result);
		const entry = store().logEntry(String(simplified.id))!;
		expect(simplified).toEqual({
			id: entry.id,
			type: entry.type,
			summary: entry.summary,
			created_at: entry.created_at,
			incident: { id: entry.incident.id, summary: entry.incident.summary },
			agent: entry.agent.summary,
		});
	});

	it('refuses a malformed Since, naming the parameter', async () => {
		const result = await pagerDuty.run({
			resource: 'logEntry',
			operation: 'getAll',
			options: { since: 'yesterday' },
		});
		expect(result.error?.message).toBe(
			'"Since" must be a date and time such as 2026-11-01T00:00:00Z [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Log Entry → Get Many for an Incident', () => {
	it("lists one incident's timeline, newest first, simplified by default", async () => {
		const incident = busiestIncident();
		const expected = store().incidentLogEntries(incident.id).slice().reverse();
		const result = await pagerDuty.run({
			resource: 'logEntry',
			operation: 'getAllForIncident',
			incidentId: { __rl: true, mode: 'id', value: incident.id },
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/incidents/${incident.id}/log_entries`,
		});
		expect(jsonOf(result)).toEqual(
			expected.map((entry) => ({
				id: entry.id,
				type: entry.type,
				summary: entry.summary,
				created_at: entry.created_at,
				incident: { id: incident.id, summary: incident.summary },
				agent: entry.agent.summary,
			})),
		);
	});

	it('sends the filters and returns full entries when Simplify is off', async () => {
		const incident = busiestIncident();
		const result = await pagerDuty.run({
			resource: 'logEntry',
			operation: 'getAllForIncident',
			incidentId: incident.id,
			limit: 2,
			simplify: false,
			options: {
				isOverview: true,
				since: incident.created_at,
				include: ['channels'],
				timeZone: 'America/New_York',
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			is_overview: 'true',
			since: incident.created_at,
			'include[]': 'channels',
			time_zone: 'America/New_York',
			limit: '2',
		});
		const entries = jsonOf(result);
		expect(entries.length).toBeGreaterThan(0);
		expect(entries.length).toBeLessThanOrEqual(2);
		expect(entries[0]).toMatchObject({ incident: { id: incident.id }, self: expect.any(String) });
	});

	it('maps an unknown incident to 404 and refuses a malformed incident URL', async () => {
		const result = await pagerDuty.run(
			{ resource: 'logEntry', operation: 'getAllForIncident', incidentId: '={{ $json.incident }}' },
			{
				items: [{ incident: 'QDOESNOTEXIST1' }, { incident: 'https://example.com/incidents/Q1' }],
				continueOnFail: true,
			},
		);
		const [missing, malformed] = jsonOf(result);
		expect(missing.error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(malformed.error).toMatch(/^"Incident" must be a PagerDuty incident URL/);
	});
});
