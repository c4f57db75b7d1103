import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';

/** Service integrations' own rules, and their integration keys routing Events API events. */
describe('PagerDuty sandbox service integrations', () => {
	const server = useSandboxServer({ seed: { incidents: 5 } });

	const create = (serviceId: string, integration: Record<string, unknown>) =>
		call(server.sandbox.url, 'POST', `/services/${serviceId}/integrations`, {
			body: { integration },
		});

	async function enqueue(routingKey: string, summary: string): Promise<number> {
		const response = await fetch(`${server.sandbox.url}/v2/enqueue`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				routing_key: routingKey,
				event_action: 'trigger',
				payload: { summary, source: 'host-1', severity: 'error' },
			}),
		});
		return response.status;
	}

	it('gives Events API integrations (v2 and v1) a key that routes events to their service, others none', async () => {
		const [, checkout] = server.sandbox.store.services;
		const v2 = await create(checkout.id, { type: 'events_api_v2_inbound_integration', name: 'v2' });
		const v1 = await create(checkout.id, {
			type: 'generic_events_api_inbound_integration',
			name: 'v1',
		});
		const nagios = await create(checkout.id, { type: 'nagios_inbound_integration', name: 'n' });
		expect(v2.status).toBe(201);
		expect(v1.body.integration.integration_key).toMatch(/^[0-9a-f]{32}$/);
		expect(nagios.body.integration).not.toHaveProperty('integration_key');
		expect(checkout.integrations.map((reference) => reference.type)).toEqual([
			'events_api_v2_inbound_integration_reference',
			'generic_events_api_inbound_integration_reference',
			'nagios_inbound_integration_reference',
		]);

		expect(await enqueue(v2.body.integration.integration_key, 'Through v2')).toBe(202);
		const incident = server.sandbox.store.incidents.find(
			(candidate) => candidate.title === 'Through v2',
		);
		expect(incident?.service.id).toBe(checkout.id);
	});

	it.each([
		[
			'an email integration without its address',
			{ type: 'generic_email_inbound_integration', name: 'e' },
			'Integration email is required for email integrations',
		],
		[
			'email settings on another type',
			{ type: 'nagios_inbound_integration', name: 'n', email_filter_mode: 'all-email' },
			'Email settings apply to email integrations only',
		],
		['a blank name', { type: 'nagios_inbound_integration', name: ' ' }, 'Name cannot be empty'],
	])('refuses %s (400)', async (_label, integration, message) => {
		const response = await create(server.sandbox.store.services[0].id, integration);
		expect(response.status).toBe(400);
		expect(response.body.error.errors).toEqual([message]);
		expect(server.sandbox.store.services[0].integrations).toEqual([]);
	});

	it('refuses a change of type, and keeps what an update leaves out', async () => {
		const [web] = server.sandbox.store.services;
		const created = await create(web.id, {
			type: 'generic_email_inbound_integration',
			name: 'Inbox',
			integration_email: 'web@acme.pagerduty.com',
		});
		const path = `/services/${web.id}/integrations/${created.body.integration.id}`;
		const retype = await call(server.sandbox.url, 'PUT', path, {
			body: { integration: { type: 'nagios_inbound_integration' } },
		});
		expect(retype.status).toBe(400);
		const renamed = await call(server.sandbox.url, 'PUT', path, {
			body: { integration: { name: 'Web inbox' } },
		});
		expect(renamed.body.integration).toMatchObject({
			name: 'Web inbox',
			integration_email: 'web@acme.pagerduty.com',
		});
	});
});
