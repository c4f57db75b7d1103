import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as alert from './actions/alert';
import * as apiCall from './actions/apiCall';
import * as changeEvent from './actions/changeEvent';
import * as escalationPolicy from './actions/escalationPolicy';
import * as event from './actions/event';
import * as incident from './actions/incident';
import * as incidentNote from './actions/incidentNote';
import * as logEntry from './actions/logEntry';
import * as maintenanceWindow from './actions/maintenanceWindow';
import * as onCall from './actions/onCall';
import * as priority from './actions/priority';
import { router } from './actions/router';
import * as schedule from './actions/schedule';
import * as service from './actions/service';
import * as team from './actions/team';
import * as user from './actions/user';
import * as webhookSubscription from './actions/webhookSubscription';
import { authenticationField, requestSettingsField } from './descriptions/common';
import { listSearch, loadOptions } from './methods';

export class PagerDuty implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PagerDuty',
		name: 'pagerDuty',
		icon: { light: 'file:../../icons/pagerduty.svg', dark: 'file:../../icons/pagerduty.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage PagerDuty incidents, alerts, services, schedules, on-call, users, teams and more through the REST API v2 and the Events API v2 (US or EU region)',
		defaults: {
			name: 'PagerDuty',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'pagerDutyRestApi',
				required: true,
				displayOptions: { show: { authentication: ['apiToken'] }, hide: { resource: ['event'] } },
			},
			{
				name: 'pagerDutyRestOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] }, hide: { resource: ['event'] } },
			},
			{
				// The Events API authenticates with a routing key only; the REST credentials play no part.
				name: 'pagerDutyEventsV2Api',
				required: true,
				displayOptions: { show: { resource: ['event'] } },
			},
		],
		properties: [
			{
				...authenticationField,
				// Events use the routing-key credential, whatever is chosen here.
				displayOptions: { hide: { resource: ['event'] } },
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Alert',
						value: 'alert',
						description: 'The alerts grouped into an incident: list, resolve, move',
					},
					{
						name: 'Change Event',
						value: 'changeEvent',
						description: 'Deploys and configuration changes sent to PagerDuty: read them',
					},
					{
						name: 'Custom API Call',
						value: 'apiCall',
						description: 'Any other REST API v2 endpoint, with this credential and region',
					},
					{
						name: 'Escalation Policy',
						value: 'escalationPolicy',
						description: 'Who is notified for an incident, in which order, after how long',
					},
					{
						name: 'Event',
						value: 'event',
						description:
							'Events API v2: trigger, acknowledge and resolve alerts; send change events',
					},
					{
						name: 'Incident',
						value: 'incident',
						description: 'Open, read, acknowledge, resolve, reassign, merge or snooze incidents',
					},
					{
						name: 'Incident Note',
						value: 'incidentNote',
						description: "Notes on an incident's timeline",
					},
					{
						name: 'Log Entry',
						value: 'logEntry',
						description: 'The audit trail of incidents: who did what, when',
					},
					{
						name: 'Maintenance Window',
						value: 'maintenanceWindow',
						description: 'Time windows in which services open no incidents',
					},
					{
						name: 'On-Call',
						value: 'onCall',
						description: 'Who is on call now or in a time window, per escalation policy and level',
					},
					{
						name: 'Priority',
						value: 'priority',
						description: "The account's incident priorities (P1, P2 …)",
					},
					{
						name: 'Schedule',
						value: 'schedule',
						description: 'On-call rotations, who is on call when, and overrides',
					},
					{
						name: 'Service',
						value: 'service',
						description: 'What incidents are opened on, and which escalation policy is paged',
					},
					{
						name: 'Team',
						value: 'team',
						description: 'Teams, their members and escalation policies',
					},
					{
						name: 'User',
						value: 'user',
						description: 'People in the account and their contact methods',
					},
					{
						name: 'Webhook Subscription',
						value: 'webhookSubscription',
						description:
							'Where PagerDuty sends v3 webhooks (the PagerDuty Trigger manages its own)',
					},
				],
				default: 'incident',
			},
			...alert.description,
			...apiCall.description,
			...changeEvent.description,
			...escalationPolicy.description,
			...event.description,
			...incident.description,
			...incidentNote.description,
			...logEntry.description,
			...maintenanceWindow.description,
			...onCall.description,
			...priority.description,
			...schedule.description,
			...service.description,
			...team.description,
			...user.description,
			...webhookSubscription.description,
			requestSettingsField,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
