import type { IDataObject } from 'n8n-workflow';

import { jsonOf, queryOf, useSandbox } from './pagerduty';
import { webhookSubscriptions } from '../../dev/sandbox/webhook-subscriptions';
import { EVENT_TYPES } from '../../nodes/shared/webhooks';

const pagerDuty = useSandbox();

const stored = () => webhookSubscriptions(pagerDuty.sandbox.store);

async function create(extra: IDataObject = {}) {
	return await pagerDuty.run({
		resource: 'webhookSubscription',
		operation: 'create',
		deliveryUrl: 'http://127.0.0.1:1/hooks/pagerduty',
		subscriptionEvents: ['incident.triggered'],
		...extra,
	});
}

describe('Webhook Subscription → Create', () => {
	it('subscribes the URL for the account and returns the secret PagerDuty shows only once', async () => {
		const result = await create({
			additionalFields: {
				description: 'Ops bridge',
				customHeaders: { headers: [{ name: 'X-Env', value: 'prod' }] },
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/webhook_subscriptions', status: 201 });
		expect(request.body).toEqual({
			webhook_subscription: {
				type: 'webhook_subscription',
				delivery_method: {
					type: 'http_delivery_method',
					url: 'http://127.0.0.1:1/hooks/pagerduty',
					custom_headers: [{ name: 'X-Env', value: 'prod' }],
				},
				events: ['incident.triggered'],
				filter: { type: 'account_reference' },
				description: 'Ops bridge',
			},
		});
		const [subscription] = jsonOf(result);
		expect((subscription.delivery_method as IDataObject).secret).toBe(stored()[0].secrets[0]);
	});

	it('scopes to a service from the locator, with all event types for "*"', async () => {
		const service = pagerDuty.sandbox.store.services[0];
		const result = await create({
			subscriptionEvents: ['*'],
			filterScope: 'service',
			subscriptionServiceId: { __rl: true, mode: 'id', value: service.id },
		});
		expect(result.error).toBeUndefined();
		expect(stored()[0].subscription).toMatchObject({
			events: [...EVENT_TYPES],
			filter: { type: 'service_reference', id: service.id },
		});
	});

	it('refuses a URL that is not http(s) before sending', async () => {
		const result = await create({ deliveryUrl: 'ftp://example.com/x' });
		expect(result.error?.message).toMatch(/"URL" must be/);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Webhook Subscription → Get, Get Many, Update, Delete, Send Test Event', () => {
	async function existing(): Promise<string> {
		const result = await create();
		pagerDuty.sandbox.clearRequests();
		return String(jsonOf(result)[0].id);
	}

	it('gets one without its secret', async () => {
		const id = await existing();
		const result = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'get',
			webhookSubscriptionId: id,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id, delivery_method: expect.objectContaining({ secret: null }) }),
		]);
	});

	it('lists them, filtered by scope', async () => {
		await existing();
		const team = pagerDuty.sandbox.store.teams[0];
		await create({
			filterScope: 'team',
			subscriptionTeamId: { __rl: true, mode: 'id', value: team.id },
		});
		pagerDuty.sandbox.clearRequests();

		const all = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'getAll',
			returnAll: true,
		});
		expect(jsonOf(all)).toHaveLength(2);
		const teams = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'getAll',
			returnAll: true,
			filters: { filterType: 'team', filterId: team.id },
		});
		expect(jsonOf(teams).map((subscription) => subscription.filter)).toEqual([
			{ type: 'team_reference', id: team.id },
		]);
		expect(queryOf(pagerDuty.restRequests()[1])).toMatchObject({
			filter_type: 'team',
			filter_id: team.id,
		});
	});

	it('updates events, description, active state and scope (never the delivery method)', async () => {
		const id = await existing();
		const service = pagerDuty.sandbox.store.services[0];
		const result = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'update',
			webhookSubscriptionId: id,
			updateFields: {
				events: ['incident.resolved', 'service.updated'],
				description: 'Renamed',
				active: false,
			},
			changeScope: true,
			filterScope: 'service',
			subscriptionServiceId: { __rl: true, mode: 'id', value: service.id },
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].body).toEqual({
			webhook_subscription: {
				active: false,
				description: 'Renamed',
				events: ['incident.resolved', 'service.updated'],
				filter: { type: 'service_reference', id: service.id },
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({ description: 'Renamed', active: false });
	});

	it('the sandbox, like PagerDuty, refuses to change the delivery method', async () => {
		const id = await existing();
		const result = await pagerDuty.run({
			resource: 'apiCall',
			operation: 'request',
			method: 'PUT',
			path: `/webhook_subscriptions/${id}`,
			body: JSON.stringify({
				webhook_subscription: { delivery_method: { url: 'https://elsewhere.example.com' } },
			}),
		});
		expect(result.error?.message).toMatch(/^PagerDuty 400/);
		expect(stored()[0].subscription.delivery_method.url).toBe('http://127.0.0.1:1/hooks/pagerduty');
	});

	it('deletes one', async () => {
		const id = await existing();
		const result = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'delete',
			webhookSubscriptionId: id,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id }]);
		expect(stored()).toHaveLength(0);
	});

	it('asks PagerDuty to send the test event', async () => {
		const id = await existing();
		const result = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'test',
			webhookSubscriptionId: id,
		});
		expect(jsonOf(result)).toEqual([{ sent: true, id, event_type: 'pagey.ping' }]);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/webhook_subscriptions/${id}/ping`,
			status: 202,
		});
		// The sandbox really tries to deliver it (nothing listens on that port: it fails fast).
		await Promise.all(stored()[0].pings);
	});

	it("shows PagerDuty's 404 for an unknown ID", async () => {
		const result = await pagerDuty.run({
			resource: 'webhookSubscription',
			operation: 'get',
			webhookSubscriptionId: 'PNOPE00',
		});
		expect(result.error?.message).toMatch(/^PagerDuty 404/);
	});
});
