import type { INodePropertyOptions } from 'n8n-workflow';

/** Every v3 webhook event type PagerDuty documents for incidents and services. */
export const EVENT_TYPES = [
	'incident.acknowledged',
	'incident.action_invocation.created',
	'incident.action_invocation.terminated',
	'incident.action_invocation.updated',
	'incident.annotated',
	'incident.conference_bridge.updated',
	'incident.custom_field_values.updated',
	'incident.delegated',
	'incident.escalated',
	'incident.incident_type.changed',
	'incident.priority_updated',
	'incident.reassigned',
	'incident.reopened',
	'incident.resolved',
	'incident.responder.added',
	'incident.responder.replied',
	'incident.role.assigned',
	'incident.service_updated',
	'incident.status_update_published',
	'incident.task.completed',
	'incident.task.created',
	'incident.task.updated',
	'incident.triggered',
	'incident.unacknowledged',
	'incident.workflow.completed',
	'incident.workflow.started',
	'service.created',
	'service.custom_field_values.updated',
	'service.deleted',
	'service.updated',
] as const;

/** The test event PagerDuty sends for POST /webhook_subscriptions/{id}/ping. */
export const PING_EVENT_TYPE = 'pagey.ping';

/** The multi-select's "all" entry. */
export const ALL_EVENTS = '*';

const label = (eventType: string) =>
	eventType
		.split('.')
		.map((part) => part.replace(/_/g, ' '))
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join(' ');

export const eventTypeOptions: INodePropertyOptions[] = [
	{
		name: '*',
		value: ALL_EVENTS,
		description: 'Every incident and service event type listed here',
	},
	...EVENT_TYPES.map((eventType) => ({
		name: label(eventType),
		value: eventType,
		description: eventType,
	})),
];

/** The event types to subscribe to: "*" stands for all of them. */
export function expandEventTypes(selected: unknown): string[] {
	const list = Array.isArray(selected) ? selected.map(String) : [];
	if (list.includes(ALL_EVENTS)) return [...EVENT_TYPES];
	return [...new Set(list)].filter((eventType) =>
		(EVENT_TYPES as readonly string[]).includes(eventType),
	);
}
