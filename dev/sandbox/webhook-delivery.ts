/**
 * The sandbox acting as PagerDuty's webhook sender: builds v3 events, signs the exact bytes it
 * sends (`X-PagerDuty-Signature: v1=<hex HMAC-SHA256>` per secret) and POSTs them over real HTTP to
 * a subscription's URL. Forgeries (wrong or missing signature, a body changed after signing) are
 * for tests of the receiving side.
 */
import { createHmac, randomUUID } from 'crypto';
import { request as httpRequest } from 'http';

import { SandboxStore } from './store';
import { findWebhookSubscription, StoredWebhookSubscription } from './webhook-subscriptions';

export type Forgery = 'wrongSecret' | 'noSignature' | 'tamperedBody' | 'malformedSignature';

export interface DeliveryOptions {
	/** X-Webhook-Id; a fresh one by default. Re-use one to act out PagerDuty's retries. */
	webhookId?: string;
	forge?: Forgery;
	/** Replaces the generated event's `data`. */
	data?: Record<string, unknown>;
	/** Exact bytes to send instead of the generated JSON (e.g. unusual whitespace or Unicode). */
	rawBody?: Buffer;
}

export interface DeliveryResult {
	status: number;
	body: string;
	webhookId: string;
	/** The bytes that went over the wire. */
	sent: Buffer;
	signature?: string;
}

export function sign(secret: string, body: Buffer): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

export function signatureHeader(secrets: string[], body: Buffer): string {
	return secrets.map((secret) => `v1=${sign(secret, body)}`).join(',');
}

/** A v3 webhook event for a subscription, shaped like PagerDuty's (one event per POST). */
export function buildEvent(
	store: SandboxStore,
	eventType: string,
	data?: Record<string, unknown>,
): Record<string, unknown> {
	const incident = store.incidents[store.incidents.length - 1];
	const admin = store.users.find((user) => user.role === 'admin') ?? store.users[0];
	const resourceType = eventType.startsWith('service.')
		? 'service'
		: eventType === 'pagey.ping'
			? 'pagey'
			: 'incident';
	let eventData: Record<string, unknown> = data ?? {};
	if (!data && resourceType === 'incident' && incident) {
		eventData = {
			id: incident.id,
			type: 'incident',
			self: incident.self,
			html_url: incident.html_url,
			number: incident.incident_number,
			status: incident.status,
			incident_key: incident.incident_key,
			created_at: incident.created_at,
			title: incident.title,
			service: incident.service,
			assignees: incident.assignments.map((assignment) => assignment.assignee),
			escalation_policy: incident.escalation_policy,
			teams: incident.teams,
			priority: incident.priority,
			urgency: incident.urgency,
			conference_bridge: incident.conference_bridge,
			resolve_reason: null,
		};
	} else if (!data && resourceType === 'service' && store.services[0]) {
		const service = store.services[0];
		eventData = {
			id: service.id,
			type: 'service',
			self: service.self,
			html_url: service.html_url,
			name: service.name,
		};
	} else if (!data && resourceType === 'pagey') {
		eventData = { message: 'Hello from your friend Pagey!', type: 'ping' };
	}
	return {
		event: {
			id: store.ids.object(),
			event_type: eventType,
			resource_type: resourceType,
			occurred_at: new Date(store.nowMs()).toISOString(),
			agent: admin
				? {
						html_url: admin.html_url,
						id: admin.id,
						self: admin.self,
						summary: admin.summary,
						type: 'user_reference',
					}
				: null,
			client: null,
			data: eventData,
		},
	};
}

function post(
	url: string,
	headers: Record<string, string>,
	body: Buffer,
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			url,
			{ method: 'POST', headers: { ...headers, 'content-length': String(body.length) } },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}

/** Sends one event to the subscription's URL, signed with its current secrets (or forged). */
export async function deliverToSubscription(
	store: SandboxStore,
	stored: StoredWebhookSubscription,
	eventType: string,
	options: DeliveryOptions = {},
): Promise<DeliveryResult> {
	const body =
		options.rawBody ??
		Buffer.from(JSON.stringify(buildEvent(store, eventType, options.data)), 'utf8');
	const webhookId = options.webhookId ?? randomUUID();
	let signature: string | undefined;
	let sent = body;
	switch (options.forge) {
		case 'noSignature':
			break;
		case 'wrongSecret':
			signature = signatureHeader(['not-the-subscription-secret'], body);
			break;
		case 'malformedSignature':
			signature = `v1=${sign(stored.secrets[0], body).toUpperCase().slice(0, 40)}, v0=abc`;
			break;
		case 'tamperedBody':
			signature = signatureHeader(stored.secrets, body);
			// Same length, one byte changed after signing.
			sent = Buffer.from(body);
			sent[sent.length - 2] = sent[sent.length - 2] === 0x7d ? 0x5d : 0x7d;
			break;
		default:
			signature = signatureHeader(stored.secrets, body);
	}
	const headers: Record<string, string> = {
		'content-type': 'application/json; charset=utf-8',
		'user-agent': 'PagerDuty-Webhook/V3.0',
		'x-webhook-id': webhookId,
		'x-webhook-subscription': stored.subscription.id,
	};
	if (signature !== undefined) headers['x-pagerduty-signature'] = signature;
	for (const header of stored.subscription.delivery_method.custom_headers)
		headers[header.name.toLowerCase()] = header.value;
	const answer = await post(stored.subscription.delivery_method.url, headers, sent);
	return { ...answer, webhookId, sent, signature };
}

export async function deliverWebhook(
	store: SandboxStore,
	subscriptionId: string,
	eventType: string,
	options: DeliveryOptions = {},
): Promise<DeliveryResult> {
	return await deliverToSubscription(
		store,
		findWebhookSubscription(store, subscriptionId),
		eventType,
		options,
	);
}

/** Starts a secret rotation: deliveries carry a signature for the old and the new secret. */
export function rotateWebhookSecret(
	store: SandboxStore,
	subscriptionId: string,
	newSecret: string,
): void {
	findWebhookSubscription(store, subscriptionId).secrets.push(newSecret);
}
