import { useSandboxServer } from './use-sandbox';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import { call, Json } from '../../dev/sandbox/helpers';

/** Events API change events and the REST change event list share one record shape. */
describe('PagerDuty sandbox change events', () => {
	const server = useSandboxServer({ seed: { incidents: 5 } });

	async function enqueueChange(payload: Record<string, unknown>): Promise<void> {
		const response = await fetch(`${server.sandbox.url}/v2/change/enqueue`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				routing_key: DEFAULT_ROUTING_KEY,
				payload,
				links: [{ href: 'https://ci.example.com/builds/77', text: 'Build 77' }],
			}),
		});
		expect(response.status).toBe(202);
	}

	const deploy = {
		summary: 'Deploy #77 via the Events API',
		source: 'ci-runner',
		timestamp: '2020-01-10T09:30:00.250+01:00',
		custom_details: { build: 77 },
	};

	it('lists an Events API change event in GET /change_events, in the REST shape and without the routing key', async () => {
		await enqueueChange(deploy);
		const response = await call(server.sandbox.url, 'GET', '/change_events?limit=100');
		expect(response.status).toBe(200);
		const service = server.sandbox.store.services[0];
		const sent = response.body.change_events.find(
			(event: Json) => event.summary === deploy.summary,
		);
		expect(sent).toEqual({
			id: expect.stringMatching(/^01[A-Z0-9]{24}$/),
			type: 'change_event',
			summary: deploy.summary,
			timestamp: '2020-01-10T08:30:00Z',
			source: 'ci-runner',
			integration: expect.objectContaining({ type: 'inbound_integration_reference' }),
			services: [expect.objectContaining({ id: service.id, type: 'service_reference' })],
			custom_details: { build: 77 },
			links: [{ href: 'https://ci.example.com/builds/77', text: 'Build 77' }],
		});
		expect(JSON.stringify(response.body)).not.toContain(DEFAULT_ROUTING_KEY);
		expect(JSON.stringify(response.body)).not.toContain('routing');

		const one = await call(server.sandbox.url, 'GET', `/change_events/${sent.id}`);
		expect(one.status).toBe(200);
		expect(one.body.change_event).toEqual(sent);
	});

	it('keeps the list newest first when the event is the newest', async () => {
		await enqueueChange({ summary: 'Deploy now' });
		const response = await call(server.sandbox.url, 'GET', '/change_events?limit=1');
		expect(response.body.change_events[0]).toMatchObject({ summary: 'Deploy now', source: null });
		const stamps = (
			await call(server.sandbox.url, 'GET', '/change_events?limit=100')
		).body.change_events.map((event: Json) => event.timestamp);
		expect(stamps).toEqual([...stamps].sort().reverse());
	});

	it("answers GET /services/{id}/change_events with the event on the routing key's service", async () => {
		await enqueueChange(deploy);
		const service = server.sandbox.store.services[0];
		const response = await call(
			server.sandbox.url,
			'GET',
			`/services/${service.id}/change_events?limit=100`,
		);
		expect(response.status).toBe(200);
		expect(response.body.change_events.map((event: Json) => event.summary)).toContain(
			deploy.summary,
		);
		for (const event of response.body.change_events)
			expect(event.services.map((ref: Json) => ref.id)).toEqual([service.id]);
	});

	it('filters the event by time window and integration like any other', async () => {
		await enqueueChange(deploy);
		const window = await call(
			server.sandbox.url,
			'GET',
			'/change_events?since=2020-01-10T08:00:00Z&until=2020-01-10T09:00:00Z',
		);
		expect(window.status).toBe(200);
		expect(window.body.change_events.map((event: Json) => event.summary)).toEqual([deploy.summary]);
		const integration = window.body.change_events[0].integration.id;
		const byIntegration = await call(
			server.sandbox.url,
			'GET',
			`/change_events?integration_ids[]=${integration}&limit=100`,
		);
		expect(byIntegration.status).toBe(200);
		expect(byIntegration.body.change_events.map((event: Json) => event.summary)).toContain(
			deploy.summary,
		);
	});
});
