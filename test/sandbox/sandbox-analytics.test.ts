import { call, Json } from '../../dev/sandbox/helpers';
import { rangeStart } from '../../dev/sandbox/rest-analytics';
import { DEFAULT_USER_TOKEN, PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

describe('PagerDuty sandbox analytics', () => {
	let sandbox: PagerDutySandbox;
	const DAY_MS = 24 * 60 * 60 * 1000;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { incidents: 60 } });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const period = (days: number) => ({
		created_at_start: new Date(sandbox.store.nowMs() - days * DAY_MS).toISOString(),
		created_at_end: new Date(sandbox.store.nowMs() + 60_000).toISOString(),
	});
	const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		call(sandbox.url, 'POST', `/analytics${path}`, { body, headers });

	it('refuses a missing, inverted or longer-than-a-year period', async () => {
		const refusals = [
			{ filters: {} },
			{
				filters: {
					created_at_start: '2026-02-01T00:00:00Z',
					created_at_end: '2026-01-01T00:00:00Z',
				},
			},
			{
				filters: {
					created_at_start: '2025-01-01T00:00:00Z',
					created_at_end: '2026-01-01T00:00:01Z',
				},
			},
		];
		for (const body of refusals)
			expect((await post('/metrics/incidents/all', body)).status).toBe(400);
		const responders = await post('/metrics/responders/all', { filters: period(400) });
		expect(responders.status).toBe(400);
	});

	it('buckets rows by UTC day, ISO week or month', async () => {
		expect(rangeStart('2026-03-04T23:59:59Z', 'day')).toBe('2026-03-04T00:00:00');
		// 2026-03-04 is a Wednesday; its ISO week starts on Monday the 2nd.
		expect(rangeStart('2026-03-04T10:00:00Z', 'week')).toBe('2026-03-02T00:00:00');
		expect(rangeStart('2026-03-01T10:00:00Z', 'week')).toBe('2026-02-23T00:00:00');
		expect(rangeStart('2026-03-04T10:00:00Z', 'month')).toBe('2026-03-01T00:00:00');
		const weekly = await post('/metrics/incidents/all', {
			filters: period(29),
			aggregate_unit: 'week',
		});
		const rows = weekly.body.data as Json[];
		expect(rows.reduce((sum, row) => sum + row.total_incident_count, 0)).toBe(
			sandbox.store.incidents.length,
		);
		expect(weekly.body).toMatchObject({
			aggregate_unit: 'week',
			time_zone: 'Etc/UTC',
			order: 'desc',
		});
	});

	it('asks user tokens for a team or service filter on incident endpoints, not on responder ones', async () => {
		const asUser = { Authorization: `Token token=${DEFAULT_USER_TOKEN}` };
		expect((await post('/metrics/incidents/services', { filters: period(5) }, asUser)).status).toBe(
			400,
		);
		expect((await post('/raw/incidents', { filters: period(5) }, asUser)).status).toBe(400);
		const team = sandbox.store.teams[0].id;
		expect(
			(
				await post(
					'/metrics/incidents/services',
					{ filters: { ...period(5), team_ids: [team] } },
					asUser,
				)
			).status,
		).toBe(200);
		const responders = await post(
			'/metrics/responders/teams',
			{
				filters: {
					date_range_start: period(5).created_at_start,
					date_range_end: period(5).created_at_end,
				},
			},
			asUser,
		);
		expect(responders.status).toBe(200);
	});

	it('pages raw incidents by starting_after, within the limit the contract allows', async () => {
		const first = await post('/raw/incidents', { filters: period(29), limit: 25, order: 'asc' });
		expect(first.body).toMatchObject({
			limit: 25,
			more: true,
			order: 'asc',
			order_by: 'created_at',
		});
		expect(first.body.first).toBe(first.body.data[0].id);
		expect(first.body.last).toBe(first.body.data[24].id);
		const second = await post('/raw/incidents', {
			filters: period(29),
			limit: 100,
			order: 'asc',
			starting_after: first.body.last,
		});
		expect(second.body.more).toBe(false);
		expect([...first.body.data, ...second.body.data].map((row: Json) => row.id)).toEqual(
			sandbox.store.incidents.map((incident) => incident.id),
		);
		expect(
			(await post('/raw/incidents', { filters: period(29), starting_after: 'QNOSUCH' })).status,
		).toBe(400);
		expect((await post('/raw/incidents', { filters: period(29), limit: 1001 })).status).toBe(400);
	});
});
