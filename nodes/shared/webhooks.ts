import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { locator } from './locators';
import type { ParameterSource } from './parameters';
import { readParameterValue } from './parameters';

// PagerDuty's v3 webhooks, as the Trigger (its own subscription) and the Webhook Subscription
// resource (any subscription) both use them: event types, and the account/service/team scope.

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

/** The multi-select's "All Events" entry (saved as "*"). */
export const ALL_EVENTS = '*';

/**
 * What each event type is called in the editor, written out: PagerDuty's dotted names read badly when
 * split ("Incident Incident type Changed"). Typed by EVENT_TYPES, so a new type needs its label.
 */
const EVENT_LABELS: Record<(typeof EVENT_TYPES)[number], string> = {
	'incident.acknowledged': 'Incident Acknowledged',
	'incident.action_invocation.created': 'Incident Action Invocation Created',
	'incident.action_invocation.terminated': 'Incident Action Invocation Terminated',
	'incident.action_invocation.updated': 'Incident Action Invocation Updated',
	'incident.annotated': 'Incident Note Added',
	'incident.conference_bridge.updated': 'Incident Conference Bridge Updated',
	'incident.custom_field_values.updated': 'Incident Custom Fields Updated',
	'incident.delegated': 'Incident Reassigned to Another Escalation Policy',
	'incident.escalated': 'Incident Escalated',
	'incident.incident_type.changed': 'Incident Type Changed',
	'incident.priority_updated': 'Incident Priority Changed',
	'incident.reassigned': 'Incident Reassigned',
	'incident.reopened': 'Incident Reopened',
	'incident.resolved': 'Incident Resolved',
	'incident.responder.added': 'Incident Responder Added',
	'incident.responder.replied': 'Incident Responder Replied',
	'incident.role.assigned': 'Incident Role Assigned',
	'incident.service_updated': 'Incident Moved to Another Service',
	'incident.status_update_published': 'Incident Status Update Published',
	'incident.task.completed': 'Incident Task Completed',
	'incident.task.created': 'Incident Task Created',
	'incident.task.updated': 'Incident Task Updated',
	'incident.triggered': 'Incident Triggered',
	'incident.unacknowledged': 'Incident Unacknowledged',
	'incident.workflow.completed': 'Incident Workflow Completed',
	'incident.workflow.started': 'Incident Workflow Started',
	'service.created': 'Service Created',
	'service.custom_field_values.updated': 'Service Custom Fields Updated',
	'service.deleted': 'Service Deleted',
	'service.updated': 'Service Updated',
};

/**
 * The event types as options. `action` is the trigger's entry in n8n's node panel ("On incident
 * triggered"); n8n would otherwise make it from the name, and skip the "all" entry.
 */
export const eventTypeOptions: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every incident and service event type listed here',
		action: 'On any incident or service event',
	},
	...EVENT_TYPES.map((eventType) => ({
		name: EVENT_LABELS[eventType],
		value: eventType,
		description: eventType,
		action: `On ${EVENT_LABELS[eventType].toLowerCase()}`,
	})),
];

/** The event types to subscribe to: "All Events" ("*") stands for all of them. */
export function expandEventTypes(selected: unknown): string[] {
	const list = Array.isArray(selected) ? selected.map(String) : [];
	if (list.includes(ALL_EVENTS)) return [...EVENT_TYPES];
	return [...new Set(list)].filter((eventType) =>
		(EVENT_TYPES as readonly string[]).includes(eventType),
	);
}

/** Parameter names of a scope selector: each node saves its own. */
export interface ScopeFieldNames {
	scope: string;
	service: string;
	team: string;
}

export interface ScopeSelector {
	/** Scope (account, service, team) and the service or team it needs. */
	fields: INodeProperties[];
	/** The subscription's `filter` for the chosen scope: of one item, or of the node (hooks). */
	readFilter(source: ParameterSource, itemIndex?: number): IDataObject;
}

/** A scope selector; `outcome` says what the scoped events do, e.g. 'are sent' or 'start the workflow'. */
export function scopeSelector(names: ScopeFieldNames, outcome: string): ScopeSelector {
	const service = locator('service', {
		displayName: 'Service',
		name: names.service,
		description: `The service whose events ${outcome}`,
		required: true,
	});
	const team = locator('team', {
		displayName: 'Team',
		name: names.team,
		description: `The team whose services' events ${outcome}`,
		required: true,
	});
	const show = (scope: string) => ({ show: { [names.scope]: [scope] } });
	return {
		fields: [
			{
				displayName: 'Scope',
				name: names.scope,
				type: 'options',
				options: [
					{
						name: 'Account',
						value: 'account',
						description: 'Events of every service in the account',
					},
					{ name: 'Service', value: 'service', description: 'Events of one service' },
					{ name: 'Team', value: 'team', description: 'Events of the services of one team' },
				],
				default: 'account',
				description: "Which of the account's events PagerDuty sends",
			},
			{ ...service.field, displayOptions: show('service') },
			{ ...team.field, displayOptions: show('team') },
		],
		readFilter(source, itemIndex) {
			const scope = readParameterValue(source, names.scope, itemIndex, 'account');
			if (scope === 'service')
				return { type: 'service_reference', id: service.read(source, itemIndex) };
			if (scope === 'team') return { type: 'team_reference', id: team.read(source, itemIndex) };
			return { type: 'account_reference' };
		},
	};
}
