import { jsonOf, queryOf, useSandbox } from './pagerduty';
import { call } from '../../dev/sandbox/helpers';
import { changeEvents } from '../../dev/sandbox/rest-change-events';

const pagerDuty = useSandbox();

const events = () => changeEvents(pagerDuty.sandbox.store);
const DAY_MS = 86_400_000;
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

describe('Change Event → Get Many', () => {
	it('returns every change event of the last 30 days, newest first, page by page', async () => {
		const result = await pagerDuty.run({
			resource: 'changeEvent',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((event) => event.id)).toEqual(events().map((event) => event.id));
		expect(result.items).toHaveLength(40);
		expect(jsonOf(result)[0]).toMatchObject({
			type: 'change_event',
			timestamp: expect.stringMatching(/Z$/),
			services: [expect.objectContaining({ type: 'service_reference' })],
		});
	});

	it('sends Since and Until in UTC, converting other offsets, and filters by team and integration', async () => {
		const platform = pagerDuty.sandbox.store.teams.find((team) => team.name === 'Platform')!;
		const integration = events()[0].integration.id;
		const result = await pagerDuty.run({
			resource: 'changeEvent',
			operation: 'getAll',
			limit: 5,
			options: {
				since: '2026-11-01T02:00:00+02:00',
				until: '2026-11-20T00:00:00',
				teamIds: platform.id,
				integrationIds: integration,
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			since: '2026-11-01T00:00:00Z',
			until: '2026-11-20T00:00:00Z',
			'team_ids[]': platform.id,
			'integration_ids[]': integration,
			limit: '5',
		});
	});

	it('keeps to the window', async () => {
		const now = Date.now();
		const [since, until] = [utc(now - 10 * DAY_MS), utc(now - 3 * DAY_MS)];
		const result = await pagerDuty.run({
			resource: 'changeEvent',
			operation: 'getAll',
			returnAll: true,
			options: { since, until },
		});
		const expected = events().filter(
			(event) => event.timestamp >= since && event.timestamp < until,
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(jsonOf(result).map((event) => event.id)).toEqual(expected.map((event) => event.id));
	});

	it("the sandbox answers a non-UTC since with PagerDuty's 400", async () => {
		const response = await call(
			pagerDuty.sandbox.url,
			'GET',
			'/change_events?since=2026-11-01T00:00:00%2B02:00',
		);
		expect(response.status).toBe(400);
		expect(response.body.error).toMatchObject({
			code: 2001,
			errors: [expect.stringMatching(/^query\.since: must match pattern/)],
		});
	});
});

describe('Change Event → Get Many for a Service', () => {
	it("lists one service's change events; an unknown service is a 404", async () => {
		const service = pagerDuty.sandbox.store.service(events()[0].services[0].id)!;
		const result = await pagerDuty.run(
			{
				resource: 'changeEvent',
				operation: 'getAllForService',
				serviceId: '={{ $json.serviceId }}',
				returnAll: true,
			},
			{ items: [{ serviceId: service.id }, { serviceId: 'PNOPE42' }], continueOnFail: true },
		);
		const [first] = pagerDuty.restRequests();
		expect(first).toMatchObject({ method: 'GET', path: `/services/${service.id}/change_events` });
		const expected = events().filter((event) =>
			event.services.some((reference) => reference.id === service.id),
		);
		const output = jsonOf(result);
		expect(output.slice(0, expected.length).map((event) => event.id)).toEqual(
			expected.map((event) => event.id),
		);
		expect(output[expected.length]).toMatchObject({
			error: 'PagerDuty 404: Not Found (code 2100)',
		});
	});
});

describe('Change Event → Get', () => {
	it('reads one change event and maps a 404', async () => {
		const event = events()[3];
		const result = await pagerDuty.run(
			{ resource: 'changeEvent', operation: 'get', changeEventId: '={{ $json.id }}' },
			{ items: [{ id: event.id }, { id: '01NOTANEVENT' }], continueOnFail: true },
		);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/change_events/${event.id}`,
			status: 200,
		});
		expect(jsonOf(result)[0]).toEqual(event);
		expect(jsonOf(result)[1]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
	});
});
