import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './actions';
import { resourceOptions, resourceProperties } from './actions/registry';
import { router } from './actions/router';
import { requestSettingsField } from './descriptions/common';
import { authenticationField, restCredentials } from '../shared/authentication';
import { listSearch } from '../shared/locators';
import * as loadOptions from './methods/loadOptions';

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
		// Events use the routing-key credential; the REST credentials play no part there.
		credentials: restCredentials(
			{ resource: ['event'] },
			{
				name: 'pagerDutyEventsV2Api',
				required: true,
				displayOptions: { show: { resource: ['event'] } },
			},
		),
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
				options: resourceOptions(resources),
				default: 'incident',
			},
			...resources.flatMap(resourceProperties),
			requestSettingsField,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
