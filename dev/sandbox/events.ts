/**
 * The Events API v2 side of the sandbox: POST /v2/enqueue and /v2/change/enqueue, validated against
 * dev/contract/events-v2.contract.json (derived from PagerDuty's events file by
 * tools/derive-contract.js). Routing keys (configured ones, and the integration keys of service
 * integrations) map to services; a trigger opens an alert and an incident in the REST store,
 * de-duplicated by dedup_key per routing key, as PagerDuty does.
 */
import { randomUUID } from 'crypto';

import { Contract, findContractFile, loadContract, validateRequest } from './contract';
import { Alert, sandboxAlerts } from './rest-alerts';
import { addChangeEvent } from './rest-change-events';
import { serviceForIntegrationKey } from './rest-integrations';
import { Incident, SandboxStore, Service, User } from './store';

/** 32 characters, like a real integration key. */
export const DEFAULT_ROUTING_KEY = 'a3c8f0e2b7d94c1e8f6a2b5d9e0c7f41';

export const EVENTS_OPERATIONS = ['POST /v2/enqueue', 'POST /v2/change/enqueue'] as const;

export interface EventsRequest {
	method: string;
	path: string;
	query: Array<[string, string]>;
	headers: Record<string, string | undefined>;
	rawBody: string;
}

export interface EventsResponse {
	status: number;
	body: unknown;
	/** The contract operation, when the route matched. */
	operation?: string;
	/** The parsed request body, for the request log. */
	requestBody: unknown;
}

/** One alert opened through the Events API, linked to its incident. */
export interface EventAlertRecord {
	routingKey: string;
	dedupKey: string;
	alertId: string;
	incidentId: string;
	status: 'triggered' | 'acknowledged' | 'resolved';
}

const EVENTS_CONTRACT_FILE = findContractFile('events-v2.contract.json');

export const eventAlerts = (store: SandboxStore) =>
	store.collection<EventAlertRecord>('eventAlerts');

const invalidEvent = (errors: string[]): EventsResponse['body'] => ({
	status: 'invalid event',
	message: 'Event object is invalid',
	errors,
});

function parse(rawBody: string): unknown {
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}

type EventBody = {
	routing_key: string;
	event_action?: 'trigger' | 'acknowledge' | 'resolve';
	dedup_key?: string;
	payload?: {
		summary?: string;
		source?: string;
		severity?: Alert['severity'];
		timestamp?: string;
		component?: string;
		group?: string;
		class?: string;
		custom_details?: Record<string, unknown>;
	};
	links?: Array<{ href: string; text?: string }>;
	images?: unknown;
};

export class SandboxEvents {
	private readonly contract: Contract = loadContract(EVENTS_CONTRACT_FILE);

	/**
	 * @param routingKeys routing key → service ID or name; '' means the first service of the store.
	 */
	constructor(private readonly routingKeys: Record<string, string>) {}

	/** The contract operation a request is for (for fault injection before anything happens). */
	operationOf(request: EventsRequest): string | undefined {
		const key = `${request.method} ${request.path.replace(/\/+$/, '')}`;
		return (EVENTS_OPERATIONS as readonly string[]).includes(key) ? key : undefined;
	}

	handle(store: SandboxStore, request: EventsRequest): EventsResponse {
		const validation = validateRequest(this.contract, request);
		if (!validation.ok) {
			const requestBody = parse(request.rawBody);
			if (validation.status === 404)
				return { status: 404, body: { status: 'error', message: 'Not Found' }, requestBody };
			if (validation.status === 405)
				return {
					status: 405,
					body: { status: 'error', message: 'Method Not Allowed' },
					requestBody,
				};
			return {
				status: 400,
				body: invalidEvent(validation.violations),
				operation: validation.operation,
				requestBody,
			};
		}
		const { operation } = validation.match;
		const body = validation.match.body as EventBody;
		const answer = (status: number, payload: unknown): EventsResponse => ({
			status,
			body: payload,
			operation,
			requestBody: body,
		});

		const service = this.serviceFor(store, body.routing_key);
		if (!service) return answer(400, invalidEvent(['Invalid routing key']));

		if (operation === 'POST /v2/change/enqueue') {
			addChangeEvent(store, service, {
				summary: String(body.payload?.summary),
				source: body.payload?.source,
				timestamp: body.payload?.timestamp,
				custom_details: body.payload?.custom_details,
				links: body.links,
			});
			return answer(202, { status: 'success', message: 'Change event processed' });
		}

		const dedupKey = body.dedup_key ?? randomUUID().replace(/-/g, '');
		const open = eventAlerts(store).find(
			(record) =>
				record.routingKey === body.routing_key &&
				record.dedupKey === dedupKey &&
				record.status !== 'resolved',
		);
		const at = store.nowIso();
		switch (body.event_action) {
			case 'trigger': {
				if (!body.payload) return answer(400, invalidEvent(["'payload' is missing or blank"]));
				// A trigger for an open alert is de-duplicated into it.
				if (!open) this.openAlert(store, service, body, dedupKey, at);
				break;
			}
			case 'acknowledge':
			case 'resolve': {
				if (body.dedup_key === undefined)
					return answer(400, invalidEvent(["'dedup_key' is missing or blank"]));
				// Without an open alert for this key and routing key, PagerDuty accepts and drops the event.
				if (open) this.update(store, service, open, body.event_action, at);
				break;
			}
		}
		return answer(202, { status: 'success', message: 'Event processed', dedup_key: dedupKey });
	}

	/** The service of a configured routing key, or of the service integration holding that key. */
	private serviceFor(store: SandboxStore, routingKey: string): Service | undefined {
		if (!Object.prototype.hasOwnProperty.call(this.routingKeys, routingKey))
			return serviceForIntegrationKey(store, routingKey);
		const wanted = this.routingKeys[routingKey];
		if (wanted === '') return store.services[0];
		return store.service(wanted) ?? store.services.find((service) => service.name === wanted);
	}

	private openAlert(
		store: SandboxStore,
		service: Service,
		body: EventBody,
		dedupKey: string,
		at: string,
	): void {
		const payload = body.payload ?? {};
		const alerts = sandboxAlerts(store); // seeded before the new incident exists, so it is not seeded twice
		const policy = store.escalationPolicy(service.escalation_policy.id);
		if (!policy) throw new Error(`Service ${service.id} has no escalation policy in the sandbox`);
		const rule = policy.escalation_rules[0];
		const incident: Incident = store.createIncident({
			title: String(payload.summary),
			service,
			escalationPolicy: policy,
			assignees: rule ? store.ruleAssignees(rule, store.incidents.length + 1) : [],
			urgency: service.incident_urgency_rule.urgency,
			priority: null,
			incidentKey: dedupKey,
			body: { type: 'incident_body', details: payload.custom_details ?? payload.summary },
			conferenceBridge: null,
			incidentType: 'incident_default',
			agent: store.ref(service),
			channel: {
				type: 'events_api_v2',
				summary: payload.summary,
				details: payload.custom_details ?? {},
			},
			at,
		});
		const alertId = store.ids.incident();
		const alert: Alert = {
			id: alertId,
			type: 'alert',
			summary: String(payload.summary),
			self: `${store.apiUrl('incidents', incident.id)}/alerts/${alertId}`,
			html_url: `${store.webBase}/alerts/${alertId}`,
			created_at: at,
			resolved_at: null,
			status: 'triggered',
			alert_key: dedupKey,
			service: incident.service,
			incident: store.ref(incident),
			suppressed: false,
			severity: payload.severity ?? 'error',
			body: {
				type: 'alert_body',
				contexts: [],
				details: { ...(payload.custom_details ?? {}), summary: payload.summary },
			},
		};
		alerts.push(alert);
		eventAlerts(store).push({
			routingKey: body.routing_key,
			dedupKey,
			alertId,
			incidentId: incident.id,
			status: 'triggered',
		});
	}

	private update(
		store: SandboxStore,
		service: Service,
		record: EventAlertRecord,
		action: 'acknowledge' | 'resolve',
		at: string,
	): void {
		const incident = store.incident(record.incidentId);
		// PagerDuty shows the integration's service as the acknowledger/resolver of event-driven changes.
		const agent = service as unknown as User;
		if (action === 'acknowledge') {
			record.status = 'acknowledged';
			if (incident && incident.status === 'triggered') store.acknowledge(incident, agent, at);
			return;
		}
		record.status = 'resolved';
		const alert = sandboxAlerts(store).find((candidate) => candidate.id === record.alertId);
		if (alert) {
			alert.status = 'resolved';
			alert.resolved_at = at;
		}
		if (incident && incident.status !== 'resolved') store.resolve(incident, agent, at);
	}
}
