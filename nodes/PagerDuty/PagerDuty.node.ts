import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as apiCall from './actions/apiCall';
import * as incident from './actions/incident';
import * as incidentNote from './actions/incidentNote';
import * as logEntry from './actions/logEntry';
import { router } from './actions/router';
import * as user from './actions/user';
import { requestSettingsField } from './descriptions/common';
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
			'Manage PagerDuty incidents, notes, log entries and users through the REST API v2 (US or EU region)',
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
				displayOptions: { show: { authentication: ['apiToken'] } },
			},
			{
				name: 'pagerDutyRestOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Token', value: 'apiToken' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiToken',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Custom API Call', value: 'apiCall' },
					{ name: 'Incident', value: 'incident' },
					{ name: 'Incident Note', value: 'incidentNote' },
					{ name: 'Log Entry', value: 'logEntry' },
					{ name: 'User', value: 'user' },
				],
				default: 'incident',
			},
			...apiCall.description,
			...incident.description,
			...incidentNote.description,
			...logEntry.description,
			...user.description,
			requestSettingsField,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
