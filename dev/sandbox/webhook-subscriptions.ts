/**
 * The sandbox's webhook subscriptions as stored: what the REST handlers (rest-webhooks.ts) and the
 * delivery of events (webhook-delivery.ts) both read, so neither imports the other for it.
 */
import { randomBytes } from 'crypto';

import { notFound } from './errors';
import { SandboxStore } from './store';

export type FilterType = 'account_reference' | 'service_reference' | 'team_reference';

export interface WebhookSubscription {
	id: string;
	type: 'webhook_subscription';
	active: boolean;
	delivery_method: {
		id: string;
		type: 'http_delivery_method';
		url: string;
		custom_headers: Array<{ name: string; value: string }>;
		temporarily_disabled: boolean;
		secret: string | null;
	};
	description: string | null;
	events: string[];
	filter: { type: FilterType; id?: string };
	oauth_client: null;
}

export interface StoredWebhookSubscription {
	subscription: WebhookSubscription;
	/** Signing secrets, oldest first; more than one while a secret is being rotated. */
	secrets: string[];
	/** Deliveries started by POST …/ping, so tests can wait for them. */
	pings: Array<Promise<unknown>>;
}

export const webhookSubscriptions = (store: SandboxStore) =>
	store.collection<StoredWebhookSubscription>('webhookSubscriptions');

export const newWebhookSecret = () => randomBytes(48).toString('base64');

export function findWebhookSubscription(
	store: SandboxStore,
	id: string,
): StoredWebhookSubscription {
	const stored = webhookSubscriptions(store).find((candidate) => candidate.subscription.id === id);
	if (!stored) throw notFound();
	return stored;
}
