// The PagerDuty Events node (Events API v2) through n8n's execution engine against the sandbox.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { inspect } from 'util';

import { jsonOf, pairedItemsOf, useSandbox } from './pagerduty';
import { PagerDutyEventsApi } from '../../credentials/PagerDutyEventsApi.credentials';
import type { RunNodeResult } from '../../dev/harness/engine';
import { testCredential } from '../../dev/harness/engine';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';
import { PagerDutyEvents } from '../../nodes/PagerDuty/PagerDutyEvents.node';

const OTHER_KEY = 'b4d9e1f3c8e05d2f9a7b3c6e0f1d8a52';
const UNKNOWN_KEY = 'ffffffffffffffffffffffffffffffff';

const pagerDuty = useSandbox({ routingKeys: { [DEFAULT_ROUTING_KEY]: '', [OTHER_KEY]: '' } });

function eventsCredential(overrides: ICredentialDataDecryptedObject = {}) {
	return {
		routingKeySecret: DEFAULT_ROUTING_KEY,
		region: 'custom',
		baseUrl: pagerDuty.sandbox.url,
		...overrides,
	};
}

const runEvent = pagerDuty.runEvents;

const eventRequests = () =>
	pagerDuty.sandbox.requests.filter((request) => request.path.startsWith('/v2/'));

/** Everything a user or a log could see of a run: items and the full error object graph. */
const visible = (result: RunNodeResult) =>
	`${JSON.stringify(result.items)}\n${inspect(result.error, { depth: 12 })}`;

const incidentByKey = (key: string) =>
	pagerDuty.sandbox.store.incidents.filter((incident) => incident.incident_key === key);

describe('PagerDuty Events → Trigger', () => {
	it("sends the alert with the routing key from the credential and returns PagerDuty's answer", async () => {
		const result = await runEvent({
			operation: 'trigger',
			summary: 'Disk usage above 90% on db-01',
			source: 'db-01.example.com',
			severity: 'critical',
			dedupKey: 'disk-db-01',
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{ status: 'success', message: 'Event processed', dedup_key: 'disk-db-01' },
		]);
		expect(pairedItemsOf(result)).toEqual([0]);
		const [request] = eventRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: '/v2/enqueue',
			status: 202,
			operation: 'POST /v2/enqueue',
		});
		expect(request.headers.authorization).toBeUndefined();
		expect(request.body).toEqual({
			routing_key: DEFAULT_ROUTING_KEY,
			event_action: 'trigger',
			dedup_key: 'disk-db-01',
			payload: {
				summary: 'Disk usage above 90% on db-01',
				source: 'db-01.example.com',
				severity: 'critical',
			},
		});
		expect(visible(result)).not.toContain(DEFAULT_ROUTING_KEY);
	});

	it('opens an incident with the alert that the REST API then shows', async () => {
		await runEvent({
			operation: 'trigger',
			summary: 'Queue backlog',
			source: 'mq-1',
			dedupKey: 'mq-backlog',
		});

		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
			options: { incidentKey: 'mq-backlog', dateRange: 'all' },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				title: 'Queue backlog',
				status: 'triggered',
				incident_key: 'mq-backlog',
			}),
		]);
		const incident = incidentByKey('mq-backlog')[0];
		expect(incident.service.id).toBe(pagerDuty.sandbox.store.services[0].id);
		expect(incident.alert_counts).toEqual({ all: 1, triggered: 1, resolved: 0 });
	});

	it("sends every optional field in PagerDuty's shape", async () => {
		const result = await runEvent({
			operation: 'trigger',
			summary: 'Checkout errors',
			source: 'shop-web',
			severity: 'warning',
			customDetailsMode: 'keyValue',
			customDetailsUi: {
				details: [
					{ key: 'error_rate', value: '7%' },
					{ key: 'region', value: 'eu-west-1' },
				],
			},
			additionalFields: {
				component: 'checkout',
				group: 'shop',
				class: 'http',
				timestamp: '2026-11-02T10:00:00Z',
				client: 'Grafana',
				clientUrl: 'https://grafana.example.com/d/1',
			},
			imagesUi: {
				images: [
					{
						src: 'https://grafana.example.com/render/1.png',
						href: 'https://grafana.example.com/d/1',
						alt: 'errors',
					},
				],
			},
			linksUi: { links: [{ href: 'https://wiki.example.com/runbooks/checkout', text: 'Runbook' }] },
		});

		expect(result.error).toBeUndefined();
		const body = eventRequests()[0].body as IDataObject;
		expect(body).toEqual({
			routing_key: DEFAULT_ROUTING_KEY,
			event_action: 'trigger',
			dedup_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
			payload: {
				summary: 'Checkout errors',
				source: 'shop-web',
				severity: 'warning',
				component: 'checkout',
				group: 'shop',
				class: 'http',
				timestamp: '2026-11-02T10:00:00.000Z',
				custom_details: { error_rate: '7%', region: 'eu-west-1' },
			},
			client: 'Grafana',
			client_url: 'https://grafana.example.com/d/1',
			images: [
				{
					src: 'https://grafana.example.com/render/1.png',
					href: 'https://grafana.example.com/d/1',
					alt: 'errors',
				},
			],
			links: [{ href: 'https://wiki.example.com/runbooks/checkout', text: 'Runbook' }],
		});
		// Without a Dedup Key the node sends its own, so a retried trigger cannot open a second alert.
		expect(jsonOf(result)[0].dedup_key).toBe(body.dedup_key);
	});

	it('takes custom details as JSON', async () => {
		const result = await runEvent({
			operation: 'trigger',
			summary: 'Slow queries',
			source: 'db-02',
			customDetailsMode: 'json',
			customDetailsJson: '{"p99_ms": 2400, "queries": ["a", "b"]}',
		});
		expect(result.error).toBeUndefined();
		expect((eventRequests()[0].body as IDataObject).payload).toMatchObject({
			custom_details: { p99_ms: 2400, queries: ['a', 'b'] },
		});
	});

	it('runs once per item, with expressions, keeping item order', async () => {
		const result = await runEvent(
			{
				operation: 'trigger',
				summary: '={{ $json.title }}',
				source: 'batch',
				dedupKey: '={{ $json.key }}',
			},
			{
				items: [
					{ title: 'one', key: 'k-1' },
					{ title: 'two', key: 'k-2' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((item) => item.dedup_key)).toEqual(['k-1', 'k-2']);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('PagerDuty Events → Acknowledge and Resolve', () => {
	it('acknowledge and resolve apply to the open alert; a later trigger opens a new one', async () => {
		const trigger = {
			operation: 'trigger',
			summary: 'API down',
			source: 'api-1',
			dedupKey: 'api-down',
		};
		await runEvent(trigger);

		const acknowledged = await runEvent({ operation: 'acknowledge', dedupKey: 'api-down' });
		expect(jsonOf(acknowledged)).toEqual([
			{ status: 'success', message: 'Event processed', dedup_key: 'api-down' },
		]);
		expect(incidentByKey('api-down').map((incident) => incident.status)).toEqual(['acknowledged']);

		// Another trigger while it is open is de-duplicated into it.
		await runEvent(trigger);
		expect(incidentByKey('api-down')).toHaveLength(1);

		await runEvent({ operation: 'resolve', dedupKey: 'api-down' });
		expect(incidentByKey('api-down').map((incident) => incident.status)).toEqual(['resolved']);

		await runEvent(trigger);
		expect(incidentByKey('api-down').map((incident) => incident.status)).toEqual([
			'resolved',
			'triggered',
		]);
		expect(eventRequests().map((request) => (request.body as IDataObject).event_action)).toEqual([
			'trigger',
			'acknowledge',
			'trigger',
			'resolve',
			'trigger',
		]);
	});

	it('a dedup key of another routing key does not touch the alert', async () => {
		await runEvent({
			operation: 'trigger',
			summary: 'Cache cold',
			source: 'cache',
			dedupKey: 'cache-cold',
		});
		await runEvent(
			{ operation: 'resolve', dedupKey: 'cache-cold' },
			{ credential: { routingKeySecret: OTHER_KEY } },
		);
		expect(incidentByKey('cache-cold').map((incident) => incident.status)).toEqual(['triggered']);
	});

	it('sends only the action and the key', async () => {
		await runEvent({ operation: 'acknowledge', dedupKey: 'nothing-open' });
		expect(eventRequests()[0].body).toEqual({
			routing_key: DEFAULT_ROUTING_KEY,
			event_action: 'acknowledge',
			dedup_key: 'nothing-open',
		});
	});
});

describe('PagerDuty Events → Send Change Event', () => {
	it('sends the change to /v2/change/enqueue', async () => {
		const result = await runEvent({
			operation: 'sendChangeEvent',
			summary: 'Deployed shop-web 2.4.1',
			changeFields: { source: 'ci.example.com', timestamp: '2026-11-02T09:30:00Z' },
			customDetailsMode: 'keyValue',
			customDetailsUi: { details: [{ key: 'commit', value: 'abc123' }] },
			linksUi: { links: [{ href: 'https://ci.example.com/builds/981', text: 'Build' }] },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ status: 'success', message: 'Change event processed' }]);
		const [request] = eventRequests();
		expect(request).toMatchObject({ path: '/v2/change/enqueue', status: 202 });
		expect(request.body).toEqual({
			routing_key: DEFAULT_ROUTING_KEY,
			payload: {
				summary: 'Deployed shop-web 2.4.1',
				source: 'ci.example.com',
				timestamp: '2026-11-02T09:30:00.000Z',
				custom_details: { commit: 'abc123' },
			},
			links: [{ href: 'https://ci.example.com/builds/981', text: 'Build' }],
		});
	});
});

describe('PagerDuty Events limits, checked before sending', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		[
			'a summary over 1,024 characters',
			{ operation: 'trigger', summary: 'x'.repeat(1025), source: 's' },
			/"Summary" must be at most 1024 characters/,
		],
		[
			'a dedup key over 255 characters',
			{ operation: 'trigger', summary: 's', source: 's', dedupKey: 'k'.repeat(256) },
			/"Dedup Key" must be at most 255 characters/,
		],
		[
			'an unknown severity',
			{ operation: 'trigger', summary: 's', source: 's', severity: '={{ "fatal" }}' },
			/"Severity" must be one of critical, error, warning, info/,
		],
		[
			'an empty source',
			{ operation: 'trigger', summary: 's', source: ' ' },
			/"Source" must not be empty/,
		],
		[
			'acknowledge without a dedup key',
			{ operation: 'acknowledge', dedupKey: '={{ $json.missing ?? "" }}' },
			/"Dedup Key" is required to acknowledge or resolve an alert/,
		],
		[
			'resolve without a dedup key',
			{ operation: 'resolve', dedupKey: '  ' },
			/"Dedup Key" is required to acknowledge or resolve an alert/,
		],
		[
			'an image not served over HTTPS',
			{
				operation: 'trigger',
				summary: 's',
				source: 's',
				imagesUi: { images: [{ src: 'http://example.com/a.png' }] },
			},
			/must be an https URL/,
		],
		[
			'custom details that are not a JSON object',
			{
				operation: 'trigger',
				summary: 's',
				source: 's',
				customDetailsMode: 'json',
				customDetailsJson: '[1, 2]',
			},
			/"Details \(JSON\)" must be a JSON object/,
		],
		[
			'a change summary over 1,024 characters',
			{ operation: 'sendChangeEvent', summary: 'y'.repeat(1025) },
			/"Summary" must be at most 1024 characters/,
		],
	];

	it.each(cases)('refuses %s and sends nothing', async (_name, parameters, message) => {
		const result = await runEvent(parameters);
		expect(result.error?.message).toMatch(message);
		expect(eventRequests()).toHaveLength(0);
	});

	it('refuses an event over 512 KB and sends nothing', async () => {
		const result = await runEvent({
			operation: 'trigger',
			summary: 'big',
			source: 's',
			customDetailsMode: 'keyValue',
			customDetailsUi: { details: [{ key: 'blob', value: 'z'.repeat(520 * 1024) }] },
		});
		expect(result.error?.message).toMatch(/PagerDuty accepts at most 512 KB per event/);
		expect(eventRequests()).toHaveLength(0);
	});

	it('with "continue on fail", reports the bad item and sends the good ones', async () => {
		const result = await runEvent(
			{ operation: 'trigger', summary: '={{ $json.summary }}', source: 's' },
			{ items: [{ summary: 'fine' }, { summary: 'x'.repeat(2000) }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({ status: 'success' });
		expect(jsonOf(result)[1].error).toMatch(
			/"Summary" must be at most 1024 characters .*\[item 1\]/,
		);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(eventRequests()).toHaveLength(1);
	});
});

describe('PagerDuty Events errors from PagerDuty', () => {
	it("shows PagerDuty's 400 errors, never the routing key", async () => {
		const result = await runEvent(
			{ operation: 'trigger', summary: 's', source: 's' },
			{ credential: { routingKeySecret: UNKNOWN_KEY } },
		);
		expect(result.error?.message).toBe('PagerDuty Events API 400: Event object is invalid');
		expect(result.error?.description).toMatch(/Invalid routing key/);
		expect(result.error?.description).toMatch(/Service Region/);
		expect(visible(result)).not.toContain(UNKNOWN_KEY);
		expect(eventRequests()).toHaveLength(1);
	});

	it('never puts the routing key in error items either', async () => {
		const result = await runEvent(
			{ operation: 'trigger', summary: 's', source: 's' },
			{ credential: { routingKeySecret: UNKNOWN_KEY }, continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toBe('PagerDuty Events API 400: Event object is invalid');
		expect(visible(result)).not.toContain(UNKNOWN_KEY);
	});

	it('waits and retries after 429, then returns the result', async () => {
		pagerDuty.sandbox.queueResponses(2, {
			status: 429,
			operation: 'POST /v2/enqueue',
			body: {
				status: 'throttle event',
				message: 'Requests for this service are arriving too quickly.  Please retry later.',
			},
		});
		const result = await runEvent({
			operation: 'trigger',
			summary: 's',
			source: 's',
			dedupKey: 'throttled',
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{ status: 'success', message: 'Event processed', dedup_key: 'throttled' },
		]);
		expect(eventRequests().map((request) => request.status)).toEqual([429, 429, 202]);
		expect(incidentByKey('throttled')).toHaveLength(1);
	});

	it('gives up on 429 once the Max Retry Wait is used up, with advice', async () => {
		pagerDuty.sandbox.queueResponses(5, {
			status: 429,
			operation: 'POST /v2/enqueue',
			body: { status: 'throttle event' },
		});
		const result = await runEvent({
			operation: 'trigger',
			summary: 's',
			source: 's',
			requestSettings: { maxRetryWait: 0 },
		});
		expect(result.error?.message).toMatch(/^PagerDuty Events API 429/);
		expect(result.error?.description).toMatch(/120 events per minute/);
		expect(visible(result)).not.toContain(DEFAULT_ROUTING_KEY);
	});

	it('says when the host cannot be reached, without the key', async () => {
		const result = await runEvent(
			{ operation: 'acknowledge', dedupKey: 'x', requestSettings: { maxRetryWait: 0 } },
			{ credential: { baseUrl: 'http://127.0.0.1:1' } },
		);
		expect(result.error?.message).toMatch(
			/^Could not reach the PagerDuty Events API at http:\/\/127\.0\.0\.1:1/,
		);
		expect(visible(result)).not.toContain(DEFAULT_ROUTING_KEY);
	});
});

describe('PagerDuty Community Events API credential', () => {
	it('tests the key with an acknowledge that changes nothing', async () => {
		const before = pagerDuty.sandbox.store.incidents.length;
		expect(await testCredential(new PagerDutyEventsApi(), eventsCredential())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const [request] = eventRequests();
		expect(request.body).toMatchObject({
			routing_key: DEFAULT_ROUTING_KEY,
			event_action: 'acknowledge',
		});
		expect(pagerDuty.sandbox.store.incidents).toHaveLength(before);
	});

	it('reports an unknown key', async () => {
		expect(
			await testCredential(
				new PagerDutyEventsApi(),
				eventsCredential({ routingKeySecret: UNKNOWN_KEY }),
			),
		).toEqual({
			status: 'Error',
			message: 'PagerDuty rejected the routing key. Check the key and the Service Region.',
		});
	});

	it('is the only credential the PagerDuty Events node uses', () => {
		expect(new PagerDutyEvents().description.credentials).toEqual([
			{ name: 'pagerDutyEventsV2Api', required: true },
		]);
	});

	it('is not one the PagerDuty node asks for: its REST credentials depend on Authentication only', () => {
		const credentials = new PagerDuty().description.credentials ?? [];
		expect(credentials.map((credential) => [credential.name, credential.displayOptions])).toEqual([
			['pagerDutyRestApi', { show: { authentication: ['apiToken'] } }],
			['pagerDutyRestOAuth2Api', { show: { authentication: ['oAuth2'] } }],
			['pagerDutyScopedOAuth2Api', { show: { authentication: ['scopedOAuth2'] } }],
		]);
		const authentication = new PagerDuty().description.properties.find(
			(property) => property.name === 'authentication',
		);
		expect(authentication?.displayOptions).toBeUndefined();
	});
});
