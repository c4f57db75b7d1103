import { byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { integrations } from '../../dev/sandbox/rest-integrations';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'serviceIntegration', ...parameters } as never, options);

/** Triggers an alert on the PagerDuty Events node with `routingKey` in its credential. */
async function triggerEventWithKey(routingKey: string, summary: string) {
	return await pagerDuty.runEvents(
		{ operation: 'trigger', summary, source: 'checkout-01' },
		{ credential: { routingKeySecret: routingKey } },
	);
}

async function createIntegration(serviceId: string, parameters: Record<string, unknown> = {}) {
	const result = await run({
		operation: 'create',
		serviceId: byId(serviceId),
		name: 'Datadog',
		...parameters,
	});
	expect(result.error).toBeUndefined();
	return jsonOf(result)[0];
}

describe('Service Integration → Create', () => {
	it('adds an Events API v2 integration whose integration key routes events to the service', async () => {
		const service = store().services[1];
		const result = await run({
			operation: 'create',
			serviceId: { __rl: true, mode: 'url', value: service.html_url },
			name: 'Checkout monitors',
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/services/${service.id}/integrations`,
			status: 201,
		});
		expect(request.body).toEqual({
			integration: {
				type: 'events_api_v2_inbound_integration',
				name: 'Checkout monitors',
				service: { id: service.id, type: 'service_reference' },
			},
		});
		const [integration] = jsonOf(result);
		expect(integration).toMatchObject({
			type: 'events_api_v2_inbound_integration',
			name: 'Checkout monitors',
			service: { id: service.id },
			integration_key: expect.stringMatching(/^[0-9a-f]{32}$/),
			html_url: `https://acme.pagerduty.com/services/${service.id}/integrations/${integration.id}`,
		});

		const event = await triggerEventWithKey(
			String(integration.integration_key),
			'Checkout latency above 2 s',
		);
		expect(event.error).toBeUndefined();
		expect(jsonOf(event)).toEqual([expect.objectContaining({ status: 'success' })]);
		const opened = store().incidents.filter(
			(incident) => incident.title === 'Checkout latency above 2 s',
		);
		expect(opened).toHaveLength(1);
		expect(opened[0].service.id).toBe(service.id);
	});

	it('an event with a key no integration holds opens nothing', async () => {
		await createIntegration(store().services[0].id);
		const event = await triggerEventWithKey('0123456789abcdef0123456789abcdef', 'Lost event');
		expect(event.error?.message).toBe('PagerDuty Events API 400: Event object is invalid');
		expect(event.error?.description).toMatch(/Invalid routing key/);
		expect(store().incidents.some((incident) => incident.title === 'Lost event')).toBe(false);
	});

	it('adds an Email integration with its address, filters and parsers', async () => {
		const service = store().services[4];
		const parsers = [
			{
				action: 'trigger',
				match_predicate: { type: 'contains', matcher: 'DOWN', part: 'subject', children: [] },
				value_extractors: [{ type: 'entire', part: 'subject', value_name: 'incident_key' }],
			},
		];
		const filters = [
			{
				subject_mode: 'match',
				subject_regex: 'alert',
				body_mode: 'always',
				from_email_mode: 'always',
			},
		];
		const integration = await createIntegration(service.id, {
			type: 'generic_email_inbound_integration',
			name: 'Support inbox',
			additionalFields: {
				integrationEmail: 'support-alerts@acme.pagerduty.com',
				emailIncidentCreation: 'use_rules',
				emailFilterMode: 'or-rules-email',
				emailParsingFallback: 'discard',
				emailParsers: JSON.stringify(parsers),
				emailFilters: filters,
				vendorId: 'PZD94QK',
			},
		});
		expect(pagerDuty.restRequests()[0].body).toEqual({
			integration: {
				type: 'generic_email_inbound_integration',
				name: 'Support inbox',
				service: { id: service.id, type: 'service_reference' },
				integration_email: 'support-alerts@acme.pagerduty.com',
				email_incident_creation: 'use_rules',
				email_filter_mode: 'or-rules-email',
				email_parsing_fallback: 'discard',
				email_parsers: parsers,
				email_filters: filters,
				vendor: { id: 'PZD94QK', type: 'vendor_reference' },
			},
		});
		expect(integration).not.toHaveProperty('integration_key');
		expect(integration.integration_email).toBe('support-alerts@acme.pagerduty.com');
	});

	it.each([
		[
			'an Email integration without its address',
			{ type: 'generic_email_inbound_integration' },
			'"Integration Email" is required for the Email type [item 0]',
		],
		[
			'email settings for another type',
			{ additionalFields: { emailFilterMode: 'all-email' } },
			'"Email Filter Mode" applies to Email integrations only [item 0]',
		],
		[
			'an address that is not one',
			{
				type: 'generic_email_inbound_integration',
				additionalFields: { integrationEmail: 'inbox' },
			},
			'"Integration Email" must be an email address such as name@example.com [item 0]',
		],
		[
			'parsers that are not an array of objects',
			{
				type: 'generic_email_inbound_integration',
				additionalFields: {
					integrationEmail: 'a@acme.pagerduty.com',
					emailParsers: '{"action": "trigger"}',
				},
			},
			'"Email Parsers (JSON)" must be a JSON array of one or more objects, e.g. [{"…": "…"}] [item 0]',
		],
		['a blank name', { name: ' ' }, '"Name" must not be empty [item 0]'],
		[
			'a malformed vendor ID',
			{ additionalFields: { vendorId: 'P 1' } },
			'"Vendor ID" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		],
	])('refuses %s before sending', async (_label, parameters, message) => {
		const result = await run({
			operation: 'create',
			serviceId: byId(store().services[0].id),
			name: 'Inbox',
			...parameters,
		});
		expect(result.error?.message).toBe(message);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 404 for a service that does not exist", async () => {
		const result = await run({ operation: 'create', serviceId: byId('PNOSUCH'), name: 'x' });
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Service Integration → Get', () => {
	it('reads the integration with its key, and the whole service when included', async () => {
		const service = store().services[2];
		const created = await createIntegration(service.id);
		const result = await run({
			operation: 'get',
			serviceId: byId(service.id),
			integrationId: { __rl: true, mode: 'url', value: created.html_url },
			options: { include: ['services'] },
		});
		expect(result.error).toBeUndefined();
		const request = pagerDuty.restRequests()[1];
		expect(request.path).toBe(`/services/${service.id}/integrations/${created.id}`);
		expect(queryOf(request)).toEqual({ 'include[]': 'services' });
		expect(jsonOf(result)[0]).toMatchObject({
			integration_key: created.integration_key,
			service: { type: 'service', name: service.name },
		});
	});

	it("maps PagerDuty's 404 for an integration of another service to an error item", async () => {
		const created = await createIntegration(store().services[0].id);
		const result = await run(
			{
				operation: 'get',
				serviceId: '={{ $json.service }}',
				integrationId: byId(created.id),
			},
			{
				items: [{ service: store().services[1].id }, { service: store().services[0].id }],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
			expect.objectContaining({ id: created.id }),
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('Service Integration → Update', () => {
	it('reads the integration for its type, then sends the type, the name and the changes', async () => {
		const service = store().services[3];
		const created = await createIntegration(service.id, {
			type: 'generic_email_inbound_integration',
			additionalFields: { integrationEmail: 'search@acme.pagerduty.com' },
		});
		const result = await run({
			operation: 'update',
			serviceId: byId(service.id),
			integrationId: byId(created.id),
			updateFields: { emailIncidentCreation: 'only_if_no_open_incidents' },
		});
		expect(result.error).toBeUndefined();
		const [, read, write] = pagerDuty.restRequests();
		expect(`${read.method} ${read.path}`).toBe(
			`GET /services/${service.id}/integrations/${created.id}`,
		);
		expect(write.body).toEqual({
			integration: {
				type: 'generic_email_inbound_integration',
				name: 'Datadog',
				email_incident_creation: 'only_if_no_open_incidents',
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			integration_email: 'search@acme.pagerduty.com',
			email_incident_creation: 'only_if_no_open_incidents',
		});
	});

	it('renames an integration, and the service lists it under the new name', async () => {
		const service = store().services[0];
		const created = await createIntegration(service.id);
		const result = await run({
			operation: 'update',
			serviceId: byId(service.id),
			integrationId: byId(created.id),
			updateFields: { name: 'Prometheus' },
		});
		expect(jsonOf(result)[0]).toMatchObject({
			name: 'Prometheus',
			integration_key: created.integration_key,
		});
		const withIntegrations = await pagerDuty.run({
			resource: 'service',
			operation: 'get',
			serviceId: byId(service.id),
			options: { include: ['integrations'] },
		});
		expect(jsonOf(withIntegrations)[0].integrations).toEqual([
			expect.objectContaining({
				id: created.id,
				name: 'Prometheus',
				integration_key: created.integration_key,
			}),
		]);
	});

	it('refuses an empty update before sending, and email settings for an Events integration before writing', async () => {
		const service = store().services[0];
		const created = await createIntegration(service.id);
		const empty = await run({
			operation: 'update',
			serviceId: byId(service.id),
			integrationId: byId(created.id),
			updateFields: {},
		});
		expect(empty.error?.message).toBe('Add at least one field under "Update Fields" [item 0]');
		const email = await run({
			operation: 'update',
			serviceId: byId(service.id),
			integrationId: byId(created.id),
			updateFields: { integrationEmail: 'x@acme.pagerduty.com' },
		});
		expect(email.error?.message).toBe(
			'"Integration Email" applies to Email integrations only [item 0]',
		);
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['POST', 'GET']);
	});
});

describe('Service Integration locator', () => {
	it("lists the chosen service's integrations, and asks for the service first", async () => {
		const service = store().services[1];
		const first = await createIntegration(service.id);
		const second = await createIntegration(service.id, {
			type: 'generic_events_api_inbound_integration',
			name: 'Legacy',
		});
		await createIntegration(store().services[2].id, { name: 'Elsewhere' });
		const result = await pagerDuty.listSearch('searchServiceIntegrations', {
			parameters: { serviceId: byId(service.id) },
		});
		expect(result.results).toEqual([
			{ name: 'Datadog (events_api_v2)', value: first.id, url: first.html_url },
			{ name: 'Legacy (generic_events_api)', value: second.id, url: second.html_url },
		]);
		expect(queryOf(pagerDuty.restRequests()[3])).toEqual({ 'include[]': 'integrations' });
		await expect(pagerDuty.listSearch('searchServiceIntegrations')).rejects.toThrow(
			'Choose the service first: this list depends on it',
		);
		expect(integrations(store())).toHaveLength(3);
	});
});
