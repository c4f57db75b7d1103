import type { INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { namesOrIdsField } from '../../descriptions/common';

export const urgencyField: INodeProperties = {
	displayName: 'Urgency',
	name: 'urgency',
	type: 'options',
	options: [
		{ name: 'High', value: 'high' },
		{ name: 'Low', value: 'low' },
	],
	default: 'high',
	description:
		'High-urgency incidents notify responders with their high-urgency rules (e.g. phone); low ones do not page',
};

export const escalationPolicyLocator = locator('escalationPolicy', {
	displayName: 'Escalation Policy',
	name: 'escalationPolicyId',
	description:
		"Hand the incident to this escalation policy instead of the service's own (IDs come from Escalation Policy → Get Many)",
});

export const priorityLocator = locator('priority', {
	displayName: 'Priority',
	name: 'priorityId',
	description:
		'Priority of the incident, such as P1 (IDs come from Priority → Get Many). Priorities exist only on PagerDuty plans that offer them.',
});

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	description: 'A short summary of what is wrong, shown in notifications and lists',
};

export const incidentLocator = locator('incident', {
	displayName: 'Incident',
	name: 'incidentId',
	required: true,
	description:
		'The incident: pick an open one, paste its PagerDuty URL, or give its ID (the id field returned by Incident → Create or Get Many)',
});

export const conferenceBridgeField: INodeProperties = {
	displayName: 'Conference Bridge',
	name: 'conferenceBridgeUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: false },
	placeholder: 'Add Conference Bridge',
	default: {},
	options: [
		{
			displayName: 'Conference Bridge',
			name: 'conferenceBridgeValues',
			values: [
				{
					displayName: 'Conference Number',
					name: 'conferenceNumber',
					type: 'string',
					default: '',
					description:
						'Dial-in number, e.g. +1 415-555-1212,,,,1234#: each comma waits one second, # ends the access code',
				},
				{
					displayName: 'Conference URL',
					name: 'conferenceUrl',
					type: 'string',
					default: '',
					description: 'Link to the call or chat room, e.g. a video meeting or a Slack channel',
				},
			],
		},
	],
};

export const assigneeUserIdsField: INodeProperties = namesOrIdsField({
	displayName: 'Assignee Names or IDs',
	name: 'assigneeUserIds',
	loadOptionsMethod: 'getUsers',
	description:
		'Assign the incident directly to these users instead of whoever the escalation policy pages. Cannot be combined with Escalation Policy or Escalation Level.',
});

export const escalationLevelField: INodeProperties = {
	displayName: 'Escalation Level',
	name: 'escalationLevel',
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1 },
	description:
		'Escalate the incident to this level of its escalation policy (1 is the first level)',
};

export const resolutionField: INodeProperties = {
	displayName: 'Resolution',
	name: 'resolution',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Why the incident was resolved; added as a note when Status is set to Resolved',
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Acknowledged', value: 'acknowledged' },
		{ name: 'Resolved', value: 'resolved' },
	],
	default: 'acknowledged',
	description: 'Acknowledge the incident (stops escalation) or resolve it',
};

/** The changes Update and Update Many both offer (Update adds title and urgency). */
export const incidentChangeOptions: INodeProperties[] = [
	assigneeUserIdsField,
	escalationLevelField,
	escalationPolicyLocator.field,
	priorityLocator.field,
	resolutionField,
	statusField,
];
