// PagerDuty Trigger: subscription lifecycle against the sandbox through n8n-core's HookContext, and
// signed deliveries that the sandbox POSTs over real HTTP to a local receiver, which hands the
// exact bytes it received to the node through n8n-core's WebhookContext.
import { createServer, Server } from 'http';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AddressInfo } from 'net';

import { useSandbox } from './pagerduty';
import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import { PagerDutyOAuth2Api } from '../../credentials/PagerDutyOAuth2Api.credentials';
import type { DeliveryOutcome } from '../../dev/harness/webhook';
import { WebhookHarness } from '../../dev/harness/webhook';
import type { DeliveryOptions } from '../../dev/sandbox/webhook-delivery';
import {
	buildEvent,
	deliverWebhook,
	rotateWebhookSecret,
	sign,
	signatureHeader,
} from '../../dev/sandbox/webhook-delivery';
import { webhookSubscriptions } from '../../dev/sandbox/webhook-subscriptions';
import { PagerDutyTrigger } from '../../nodes/PagerDutyTrigger/PagerDutyTrigger.node';
import {
	DEDUP_MAX_KEYS,
	DEDUP_WINDOW_MS,
	RecentDeliveries,
} from '../../nodes/PagerDutyTrigger/verification';
import { EVENT_TYPES } from '../../nodes/shared/webhooks';

const pagerDuty = useSandbox();

const TYPE_NAME = 'n8n-nodes-pagerduty.pagerDutyTrigger';

/** The local "n8n": receives the sandbox's POSTs and runs them through the harness. */
const receiver = {
	server: undefined as unknown as Server,
	url: '',
	harness: undefined as WebhookHarness | undefined,
	outcomes: [] as DeliveryOutcome[],
	received: [] as Buffer[],
};

beforeAll(async () => {
	receiver.server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			receiver.received.push(rawBody);
			const harness = receiver.harness;
			if (!harness) {
				res.statusCode = 404;
				res.end();
				return;
			}
			harness
				.deliver({ headers: req.headers, rawBody, path: req.url }, res)
				.then((outcome) => receiver.outcomes.push(outcome))
				.catch((error: unknown) => {
					res.statusCode = 500;
					res.end(String(error));
				});
		});
	});
	await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
});

beforeEach(() => {
	receiver.harness = undefined;
	receiver.outcomes = [];
	receiver.received = [];
});

function trigger(parameters: INodeParameters = {}): WebhookHarness {
	const harness = new WebhookHarness({
		nodeType: new PagerDutyTrigger(),
		typeName: TYPE_NAME,
		parameters: {
			authentication: 'apiToken',
			scope: 'account',
			events: ['incident.triggered', 'incident.resolved'],
			...parameters,
		},
		credentials: pagerDuty.credentialsFor('apiToken'),
		credentialTypes: [new PagerDutyApi(), new PagerDutyOAuth2Api()],
		webhookBaseUrl: `${receiver.url}/webhook`,
	});
	receiver.harness = harness;
	return harness;
}

const stored = () => webhookSubscriptions(pagerDuty.sandbox.store);
const operations = () =>
	pagerDuty
		.restRequests()
		.map((request) => `${request.method} ${request.operation ?? request.path}`);

async function activeTrigger(parameters: INodeParameters = {}) {
	const harness = trigger(parameters);
	await harness.activate();
	const subscriptionId = String(harness.staticData.subscriptionId);
	return { harness, subscriptionId };
}

async function deliver(
	subscriptionId: string,
	eventType = 'incident.triggered',
	options: DeliveryOptions = {},
) {
	const before = receiver.outcomes.length;
	const result = await deliverWebhook(pagerDuty.sandbox.store, subscriptionId, eventType, options);
	// The receiver records the outcome once the node has answered.
	expect(receiver.outcomes.length).toBe(before + 1);
	return { result, outcome: receiver.outcomes[receiver.outcomes.length - 1] };
}

describe('PagerDuty Trigger → subscription lifecycle', () => {
	it("activation creates one subscription for n8n's webhook URL and keeps its secret in static data only", async () => {
		const harness = trigger();
		expect(await harness.runHook('checkExists')).toBe(false);
		expect(await harness.runHook('create')).toBe(true);

		expect(stored()).toHaveLength(1);
		const [{ subscription, secrets }] = stored();
		expect(subscription.delivery_method.url).toBe(harness.webhookUrl());
		expect(subscription.delivery_method.url).toMatch(new RegExp(`^${receiver.url}/webhook/`));
		expect(subscription.events).toEqual(['incident.triggered', 'incident.resolved']);
		expect(subscription.filter).toEqual({ type: 'account_reference' });
		expect(harness.staticData).toMatchObject({
			subscriptionId: subscription.id,
			signingSecret: secrets[0],
		});
		const create = pagerDuty
			.restRequests()
			.find((request) => request.operation === 'POST /webhook_subscriptions');
		expect(create?.body).toMatchObject({
			webhook_subscription: {
				type: 'webhook_subscription',
				delivery_method: { type: 'http_delivery_method', url: harness.webhookUrl() },
				events: ['incident.triggered', 'incident.resolved'],
				filter: { type: 'account_reference' },
			},
		});
	});

	it('checkExists finds its subscription again, so re-activation does not duplicate it', async () => {
		const { harness } = await activeTrigger();
		pagerDuty.sandbox.clearRequests();
		await harness.activate();
		expect(await harness.runHook('checkExists')).toBe(true);
		expect(stored()).toHaveLength(1);
		expect(operations()).toEqual([
			'GET GET /webhook_subscriptions/{id}',
			'GET GET /webhook_subscriptions/{id}',
		]);
	});

	it('deactivation deletes the subscription and forgets the secret', async () => {
		const { harness } = await activeTrigger();
		expect(await harness.runHook('delete', 'activate')).toBe(true);
		expect(stored()).toHaveLength(0);
		expect(harness.staticData.subscriptionId).toBeUndefined();
		expect(harness.staticData.signingSecret).toBeUndefined();
		expect(await harness.runHook('checkExists')).toBe(false);
		// Deleting again (already gone at PagerDuty) is fine.
		expect(await harness.runHook('delete')).toBe(true);
	});

	it('a subscription deleted at PagerDuty is noticed and created again', async () => {
		const { harness } = await activeTrigger();
		stored().splice(0, 1);
		await harness.activate();
		expect(stored()).toHaveLength(1);
		expect(harness.staticData.subscriptionId).toBe(stored()[0].subscription.id);
	});

	it('replaces a subscription for its URL whose secret it no longer holds, instead of adding a second', async () => {
		const { harness, subscriptionId } = await activeTrigger();
		delete harness.staticData.subscriptionId;
		delete harness.staticData.signingSecret;
		await harness.activate();
		expect(stored()).toHaveLength(1);
		expect(stored()[0].subscription.id).not.toBe(subscriptionId);
		expect(harness.staticData.signingSecret).toBe(stored()[0].secrets[0]);
	});

	it('updates event types and scope edited since activation (PUT cannot change the URL)', async () => {
		const { harness, subscriptionId } = await activeTrigger();
		const service = pagerDuty.sandbox.store.services[0];
		harness.node.parameters.events = ['*'];
		harness.node.parameters.scope = 'service';
		harness.node.parameters.serviceId = { __rl: true, mode: 'id', value: service.id };
		expect(await harness.runHook('checkExists')).toBe(true);
		expect(stored()[0].subscription).toMatchObject({
			id: subscriptionId,
			events: [...EVENT_TYPES],
			filter: { type: 'service_reference', id: service.id },
		});
	});

	it('scopes to a team chosen with the resource locator', async () => {
		const team = pagerDuty.sandbox.store.teams[0];
		await activeTrigger({ scope: 'team', teamId: { __rl: true, mode: 'list', value: team.id } });
		expect(stored()[0].subscription.filter).toEqual({ type: 'team_reference', id: team.id });
	});

	it('"*" subscribes to every documented incident and service event type', async () => {
		await activeTrigger({ events: ['*'] });
		expect(stored()[0].subscription.events).toEqual([...EVENT_TYPES]);
		expect(EVENT_TYPES.filter((type) => type.startsWith('service.'))).toHaveLength(4);
	});

	it('fails activation clearly without event types', async () => {
		await expect(trigger({ events: [] }).activate()).rejects.toThrow(
			'Choose at least one event type to listen for',
		);
		expect(stored()).toHaveLength(0);
	});
});

describe('PagerDuty Trigger → deliveries', () => {
	it('a signed delivery starts one execution with the event', async () => {
		const { subscriptionId } = await activeTrigger();
		const { result, outcome } = await deliver(subscriptionId);

		expect(result.status).toBe(200);
		expect(JSON.parse(result.body)).toEqual({ message: 'Workflow was started' });
		expect(outcome.startsExecution).toBe(true);
		const sent = JSON.parse(result.sent.toString('utf8')).event as IDataObject;
		expect(outcome.items).toEqual([
			{
				id: sent.id,
				event_type: 'incident.triggered',
				resource_type: 'incident',
				occurred_at: sent.occurred_at,
				agent: sent.agent,
				client: null,
				data: sent.data,
			},
		]);
	});

	it.each([
		['a wrong signature', 'wrongSecret'],
		['no signature header', 'noSignature'],
		['a body changed after signing', 'tamperedBody'],
		['a malformed signature', 'malformedSignature'],
	] as const)('%s is answered 401 and starts nothing', async (_name, forge) => {
		const { subscriptionId } = await activeTrigger();
		const { result, outcome } = await deliver(subscriptionId, 'incident.triggered', { forge });
		expect(result.status).toBe(401);
		expect(outcome.startsExecution).toBe(false);
	});

	it('a repeated X-Webhook-Id (PagerDuty retrying) is acknowledged but starts nothing', async () => {
		const { subscriptionId } = await activeTrigger();
		const first = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-1' });
		const again = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-1' });
		const other = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-2' });
		expect([first, again, other].map(({ outcome }) => outcome.startsExecution)).toEqual([
			true,
			false,
			true,
		]);
		expect(again.result.status).toBe(200);
	});

	it('a forged delivery does not use up its webhook id', async () => {
		const { subscriptionId } = await activeTrigger();
		await deliver(subscriptionId, 'incident.triggered', {
			webhookId: 'wh-9',
			forge: 'wrongSecret',
		});
		const genuine = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-9' });
		expect(genuine.outcome.startsExecution).toBe(true);
	});

	it('accepts deliveries with two signatures while PagerDuty rotates the secret', async () => {
		const { subscriptionId } = await activeTrigger();
		rotateWebhookSecret(pagerDuty.sandbox.store, subscriptionId, 'the-next-secret');
		const { result, outcome } = await deliver(subscriptionId);
		expect(result.signature?.split(',')).toHaveLength(2);
		expect(outcome.startsExecution).toBe(true);
	});

	it('checks the HMAC on the exact bytes received (whitespace and escapes are not re-serialised)', async () => {
		const { subscriptionId } = await activeTrigger();
		const rawBody = Buffer.from(
			'{ "event" :{"id":"01X","event_type":"incident.triggered","resource_type":"incident",\n' +
				'  "occurred_at":"2026-11-02T10:00:00.000Z","agent":null,"client":null,"data":{"title":"Caf\\u00e9 down — ☕"}} }\n',
			'utf8',
		);
		const { result, outcome } = await deliver(subscriptionId, 'incident.triggered', { rawBody });
		expect(receiver.received[receiver.received.length - 1].equals(rawBody)).toBe(true);
		expect(result.signature).toBe(`v1=${sign(stored()[0].secrets[0], rawBody)}`);
		expect(outcome.startsExecution).toBe(true);
		expect(outcome.items[0].data).toEqual({ title: 'Café down — ☕' });
		// The same content, re-serialised, would carry a different signature.
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8'))), 'utf8');
		expect(sign(stored()[0].secrets[0], reserialised)).not.toBe(
			sign(stored()[0].secrets[0], rawBody),
		);
	});

	it('refuses everything while it holds no signing secret', async () => {
		const { harness, subscriptionId } = await activeTrigger();
		delete harness.staticData.signingSecret;
		const { result, outcome } = await deliver(subscriptionId);
		expect(result.status).toBe(401);
		expect(outcome.startsExecution).toBe(false);
	});

	it("answers PagerDuty's test ping without starting the workflow, unless asked to", async () => {
		const { subscriptionId } = await activeTrigger();
		const ping = await deliver(subscriptionId, 'pagey.ping');
		expect(ping.result.status).toBe(200);
		expect(ping.outcome.startsExecution).toBe(false);

		const { subscriptionId: pingingId } = await activeTrigger({ options: { runOnPing: true } });
		const run = await deliver(pingingId, 'pagey.ping');
		expect(run.outcome.startsExecution).toBe(true);
		expect(run.outcome.items[0]).toMatchObject({ event_type: 'pagey.ping' });
	});

	it('starts a run on the test ping while the editor listens for a test event', async () => {
		const { harness, subscriptionId } = await activeTrigger();
		harness.deliveryMode = 'manual';
		const ping = await deliver(subscriptionId, 'pagey.ping');
		expect(ping.result.status).toBe(200);
		expect(ping.outcome.startsExecution).toBe(true);
		expect(ping.outcome.items[0]).toMatchObject({ event_type: 'pagey.ping' });
	});

	it('the REST ping (POST …/ping) reaches the trigger as a signed test event', async () => {
		const { subscriptionId } = await activeTrigger();
		const response = await fetch(
			`${pagerDuty.sandbox.url}/webhook_subscriptions/${subscriptionId}/ping`,
			{
				method: 'POST',
				headers: {
					accept: 'application/vnd.pagerduty+json;version=2',
					authorization: `Token token=${String(pagerDuty.credentialsFor('apiToken').pagerDutyRestApi.apiToken)}`,
				},
			},
		);
		expect(response.status).toBe(202);
		await Promise.all(stored()[0].pings);
		expect(receiver.outcomes).toHaveLength(1);
		expect(receiver.outcomes[0]).toMatchObject({ startsExecution: false });
	});

	it('filters by event type after verification', async () => {
		const { subscriptionId } = await activeTrigger({
			options: { onlyEventTypes: ['incident.resolved'] },
		});
		const triggered = await deliver(subscriptionId, 'incident.triggered');
		const resolved = await deliver(subscriptionId, 'incident.resolved');
		expect(triggered.result.status).toBe(200);
		expect([triggered, resolved].map(({ outcome }) => outcome.startsExecution)).toEqual([
			false,
			true,
		]);
	});

	it('can include the request headers, and never outputs the secret', async () => {
		const { harness, subscriptionId } = await activeTrigger({ options: { includeHeaders: true } });
		const { result, outcome } = await deliver(subscriptionId, 'incident.triggered', {
			webhookId: 'wh-headers',
		});
		expect(outcome.items[0].headers).toMatchObject({
			'x-webhook-id': 'wh-headers',
			'x-pagerduty-signature': result.signature,
			'user-agent': 'PagerDuty-Webhook/V3.0',
		});
		expect(JSON.stringify(outcome.items)).not.toContain(String(harness.staticData.signingSecret));
	});
});

describe('PagerDuty Trigger → repeats and replays', () => {
	it('a validly signed body re-sent with a new X-Webhook-Id (a replay) is acknowledged but starts nothing', async () => {
		const { subscriptionId } = await activeTrigger();
		const first = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-a' });
		const replay = await deliver(subscriptionId, 'incident.triggered', {
			webhookId: 'wh-b',
			rawBody: first.result.sent,
		});
		expect(first.outcome.startsExecution).toBe(true);
		expect(replay.result.status).toBe(200);
		expect(JSON.parse(replay.result.body)).toEqual({ message: 'Already received' });
		expect(replay.outcome.startsExecution).toBe(false);
	});

	it('a validly signed body re-sent without X-Webhook-Id starts nothing either', async () => {
		const { subscriptionId } = await activeTrigger();
		const first = await deliver(subscriptionId);
		const response = await fetch(stored()[0].subscription.delivery_method.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-pagerduty-signature': signatureHeader(stored()[0].secrets, first.result.sent),
			},
			body: new Uint8Array(first.result.sent),
		});
		expect(response.status).toBe(200);
		expect(receiver.outcomes.map((outcome) => outcome.startsExecution)).toEqual([true, false]);
	});

	it('a delivery n8n failed to start (it answered 500) runs when PagerDuty retries it', async () => {
		const { harness, subscriptionId } = await activeTrigger();
		harness.failExecutionStart = true;
		const failed = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-retry' });
		expect(failed.result.status).toBe(500);
		harness.failExecutionStart = false;
		const retry = await deliver(subscriptionId, 'incident.triggered', {
			webhookId: 'wh-retry',
			rawBody: failed.result.sent,
		});
		expect(retry.result.status).toBe(200);
		expect(retry.outcome.startsExecution).toBe(true);
		const again = await deliver(subscriptionId, 'incident.triggered', {
			webhookId: 'wh-retry',
			rawBody: failed.result.sent,
		});
		expect(again.outcome.startsExecution).toBe(false);
	});

	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
		'X-Webhook-Id "%s" is an id like any other: the first delivery runs, its repeat does not',
		async (webhookId) => {
			const { subscriptionId } = await activeTrigger();
			const first = await deliver(subscriptionId, 'incident.triggered', { webhookId });
			const again = await deliver(subscriptionId, 'incident.triggered', { webhookId });
			expect([first, again].map(({ outcome }) => outcome.startsExecution)).toEqual([true, false]);
		},
	);

	it('an event id counts per trigger: two workflows subscribed to the same events both run', async () => {
		const { subscriptionId } = await activeTrigger();
		const first = await deliver(subscriptionId, 'incident.triggered', { webhookId: 'wh-shared' });
		const { subscriptionId: otherId } = await activeTrigger();
		const other = await deliver(otherId, 'incident.triggered', {
			webhookId: 'wh-shared',
			rawBody: first.result.sent,
		});
		expect([first, other].map(({ outcome }) => outcome.startsExecution)).toEqual([true, true]);
	});

	/** A signed event that occurred `minutesAgo` minutes ago. */
	const eventFrom = (minutesAgo: number) => {
		const body = buildEvent(pagerDuty.sandbox.store, 'incident.triggered') as {
			event: IDataObject;
		};
		body.event.occurred_at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
		return Buffer.from(JSON.stringify(body), 'utf8');
	};

	it('with Max Event Age, refuses (200, starts nothing) an event that occurred earlier than that', async () => {
		const { subscriptionId } = await activeTrigger({ options: { maxEventAgeMinutes: 10 } });
		const fresh = await deliver(subscriptionId, 'incident.triggered', { rawBody: eventFrom(9) });
		const old = await deliver(subscriptionId, 'incident.triggered', { rawBody: eventFrom(11) });
		expect(fresh.outcome.startsExecution).toBe(true);
		expect(old.result.status).toBe(200);
		expect(JSON.parse(old.result.body)).toEqual({ message: 'Event too old' });
		expect(old.outcome.startsExecution).toBe(false);
	});

	it('with Max Event Age, refuses an event without a readable occurred_at', async () => {
		const { subscriptionId } = await activeTrigger({ options: { maxEventAgeMinutes: 10 } });
		const body = JSON.parse(eventFrom(0).toString('utf8')) as { event: IDataObject };
		delete body.event.occurred_at;
		const { outcome } = await deliver(subscriptionId, 'incident.triggered', {
			rawBody: Buffer.from(JSON.stringify(body), 'utf8'),
		});
		expect(outcome.startsExecution).toBe(false);
	});

	it('without Max Event Age (the default), an old event runs', async () => {
		const { subscriptionId } = await activeTrigger();
		const { outcome } = await deliver(subscriptionId, 'incident.triggered', {
			rawBody: eventFrom(3 * 24 * 60),
		});
		expect(outcome.startsExecution).toBe(true);
	});

	it('keeps no per-delivery state in static data, and drops what older versions left there', async () => {
		const harness = trigger();
		harness.staticData.recentWebhookIds = { 'wh-old': 1 };
		await harness.activate();
		await deliver(String(harness.staticData.subscriptionId));
		expect(Object.keys(harness.staticData).sort()).toEqual(['signingSecret', 'subscriptionId']);
	});
});

describe('PagerDuty Trigger → recent deliveries (per process)', () => {
	it('recognises a key for 48 hours, then forgets it', () => {
		const recent = new RecentDeliveries();
		expect(recent.isRepeat('t', ['a'], 0)).toBe(false);
		expect(recent.isRepeat('t', ['a'], DEDUP_WINDOW_MS)).toBe(true);
		expect(recent.isRepeat('t', ['a'], 2 * DEDUP_WINDOW_MS + 1)).toBe(false);
	});

	it('is a repeat when any of its keys was seen, and then knows all of them', () => {
		const recent = new RecentDeliveries();
		expect(recent.isRepeat('t', ['delivery:1', 'event:E'], 0)).toBe(false);
		expect(recent.isRepeat('t', ['delivery:2', 'event:E'], 1)).toBe(true);
		expect(recent.isRepeat('t', ['delivery:1'], 2)).toBe(true);
		expect(recent.isRepeat('other trigger', ['delivery:1', 'event:E'], 3)).toBe(false);
	});

	it(`keeps at most ${DEDUP_MAX_KEYS.toLocaleString('en-US')} keys per trigger, forgetting the oldest`, () => {
		const recent = new RecentDeliveries();
		for (let index = 0; index <= DEDUP_MAX_KEYS; index++)
			recent.isRepeat('t', [`id-${index}`], index);
		expect(recent.isRepeat('t', ['id-0'], DEDUP_MAX_KEYS + 1)).toBe(false);
		expect(recent.isRepeat('t', [`id-${DEDUP_MAX_KEYS}`], DEDUP_MAX_KEYS + 2)).toBe(true);
	});
});

describe('PagerDuty Trigger → activation errors name the step that failed', () => {
	const fault = (status: number, operation: string) =>
		pagerDuty.sandbox.queueResponses(1, { status, operation });

	it('listing subscriptions answered 404', async () => {
		const harness = trigger();
		fault(404, 'GET /webhook_subscriptions');
		await expect(harness.runHook('checkExists')).rejects.toMatchObject({
			message: expect.stringMatching(
				/^PagerDuty Trigger could not list the webhook subscriptions: PagerDuty 404/,
			),
			description: expect.stringContaining('webhook_subscriptions.write'),
		});
	});

	it('creating the subscription answered 403', async () => {
		const harness = trigger();
		expect(await harness.runHook('checkExists')).toBe(false);
		fault(403, 'POST /webhook_subscriptions');
		await expect(harness.runHook('create')).rejects.toMatchObject({
			message: expect.stringMatching(
				/^PagerDuty Trigger could not create the webhook subscription: PagerDuty 403/,
			),
			description: expect.stringContaining('no events arrive'),
		});
		expect(stored()).toHaveLength(0);
	});

	it('deleting the subscription answered 400: says it may still exist, and keeps its id for the next activation', async () => {
		const { harness, subscriptionId } = await activeTrigger();
		fault(400, 'DELETE /webhook_subscriptions/{id}');
		await expect(harness.runHook('delete')).rejects.toMatchObject({
			message: expect.stringMatching(
				/^PagerDuty Trigger could not delete the webhook subscription: PagerDuty 400/,
			),
			description: expect.stringContaining('may still exist'),
		});
		expect(harness.staticData.subscriptionId).toBe(subscriptionId);
		expect(await harness.runHook('delete')).toBe(true);
		expect(stored()).toHaveLength(0);
	});
});
