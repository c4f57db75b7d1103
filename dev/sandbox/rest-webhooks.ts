/**
 * Webhook subscriptions (v3), kept in the store's 'webhookSubscriptions' collection. As at
 * PagerDuty, the signing secret is in the create response only (null afterwards), custom header
 * values are redacted when read, and PUT cannot change the delivery method.
 */
import { invalidInput } from './errors';
import { paginate, queryValue, RestHandler } from './rest-common';
import { SandboxStore } from './store';
import { deliverToSubscription } from './webhook-delivery';
import type { FilterType, WebhookSubscription } from './webhook-subscriptions';
import {
	findWebhookSubscription,
	newWebhookSecret,
	webhookSubscriptions,
} from './webhook-subscriptions';

interface SubscriptionInput {
	type?: string;
	active?: boolean;
	delivery_method?: {
		type?: string;
		url?: string;
		custom_headers?: Array<{ name: string; value: string }>;
	};
	description?: string;
	events?: string[];
	filter?: { type?: FilterType; id?: string };
	oauth_client_id?: string | null;
}

/** Event type names as PagerDuty spells them (incident.*, service.*, and the test ping). */
const EVENT_TYPE = /^(incident|service)\.[a-z_]+(\.[a-z_]+)?$|^pagey\.ping$/;

/** What GET answers: no secret, custom header values redacted. */
function render(subscription: WebhookSubscription): WebhookSubscription {
	return {
		...subscription,
		delivery_method: {
			...subscription.delivery_method,
			secret: null,
			custom_headers: subscription.delivery_method.custom_headers.map((header) => ({
				name: header.name,
				value: 'REDACTED',
			})),
		},
	};
}

function checkEvents(events: string[] | undefined): string[] {
	if (!events || events.length === 0)
		throw invalidInput(['Events must contain at least one event type']);
	const unknown = events.filter((event) => !EVENT_TYPE.test(event));
	if (unknown.length > 0)
		throw invalidInput(unknown.map((event) => `Event type ${event} is not supported`));
	return [...new Set(events)];
}

function checkFilter(
	store: SandboxStore,
	filter: SubscriptionInput['filter'],
): WebhookSubscription['filter'] {
	if (!filter?.type) throw invalidInput(['Filter type is required']);
	if (filter.type === 'account_reference') return { type: filter.type };
	const exists =
		filter.type === 'service_reference'
			? store.service(filter.id ?? '')
			: store.team(filter.id ?? '');
	if (!filter.id || !exists)
		throw invalidInput([`Filter ${filter.type} ${filter.id ?? '(no id)'} not found`]);
	return { type: filter.type, id: filter.id };
}

function inputOf(body: unknown): SubscriptionInput {
	const input = (body as { webhook_subscription?: SubscriptionInput } | undefined)
		?.webhook_subscription;
	if (!input) throw invalidInput(['webhook_subscription is required']);
	return input;
}

export const WEBHOOK_SUBSCRIPTION_HANDLERS: Record<string, RestHandler> = {
	'GET /webhook_subscriptions': (store, request) => {
		const filterType = queryValue(request, 'filter_type');
		const filterId = queryValue(request, 'filter_id');
		const list = webhookSubscriptions(store)
			.map((stored) => stored.subscription)
			.filter(
				(subscription) => !filterType || subscription.filter.type === `${filterType}_reference`,
			)
			.filter((subscription) => !filterId || subscription.filter.id === filterId);
		return paginate(request, list, 'webhook_subscriptions', render);
	},

	'POST /webhook_subscriptions': (store, request) => {
		const input = inputOf(request.match.body);
		const url = input.delivery_method?.url ?? '';
		if (!/^https?:\/\/\S+$/.test(url)) throw invalidInput(['Delivery method url is invalid']);
		const secret = newWebhookSecret();
		const subscription: WebhookSubscription = {
			id: store.ids.object(),
			type: 'webhook_subscription',
			active: input.active ?? true,
			delivery_method: {
				id: store.ids.object(),
				type: 'http_delivery_method',
				url,
				custom_headers: input.delivery_method?.custom_headers ?? [],
				temporarily_disabled: false,
				secret: null,
			},
			description: input.description ?? null,
			events: checkEvents(input.events),
			filter: checkFilter(store, input.filter),
			oauth_client: null,
		};
		webhookSubscriptions(store).push({ subscription, secrets: [secret], pings: [] });
		// The only time PagerDuty shows the secret.
		const created = render(subscription);
		created.delivery_method.secret = secret;
		created.delivery_method.custom_headers = subscription.delivery_method.custom_headers;
		return { status: 201, body: { webhook_subscription: created } };
	},

	'GET /webhook_subscriptions/{id}': (store, request) => ({
		status: 200,
		body: {
			webhook_subscription: render(
				findWebhookSubscription(store, request.match.pathParams.id).subscription,
			),
		},
	}),

	'PUT /webhook_subscriptions/{id}': (store, request) => {
		const stored = findWebhookSubscription(store, request.match.pathParams.id);
		const input = inputOf(request.match.body);
		if (input.delivery_method !== undefined) {
			throw invalidInput(['delivery_method cannot be updated; create a new subscription instead']);
		}
		const subscription = stored.subscription;
		if (input.events !== undefined) subscription.events = checkEvents(input.events);
		if (input.filter !== undefined) subscription.filter = checkFilter(store, input.filter);
		if (input.description !== undefined) subscription.description = input.description;
		if (input.active !== undefined) subscription.active = input.active;
		return { status: 200, body: { webhook_subscription: render(subscription) } };
	},

	'DELETE /webhook_subscriptions/{id}': (store, request) => {
		const list = webhookSubscriptions(store);
		const stored = findWebhookSubscription(store, request.match.pathParams.id);
		list.splice(list.indexOf(stored), 1);
		return { status: 204, body: null };
	},

	'POST /webhook_subscriptions/{id}/ping': (store, request) => {
		const stored = findWebhookSubscription(store, request.match.pathParams.id);
		// Delivered after the answer, like PagerDuty; a failed delivery is kept as the promise's result.
		stored.pings.push(
			deliverToSubscription(store, stored, 'pagey.ping').catch((error: unknown) => error),
		);
		return { status: 202, body: null };
	},
};
