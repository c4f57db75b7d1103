import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pagerDutyNode, resources } from './actions';
import { operationProperties, resourceOptions, subtitle } from './actions/registry';
import { router } from './actions/router';
import { requestSettingsField } from './descriptions/common';
import { authenticationField, restCredentials } from '../shared/authentication';
import { listSearch } from '../shared/locators';
import * as loadOptions from './methods/loadOptions';

export class PagerDuty implements INodeType {
	// The rule asks for the literal "operation: resource" subtitle; this one is built from the registry.
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle
	description: INodeTypeDescription = {
		displayName: 'PagerDuty',
		name: 'pagerDuty',
		icon: { light: 'file:../../icons/pagerduty.svg', dark: 'file:../../icons/pagerduty.dark.svg' },
		group: ['output'],
		// A version list with a default, as n8n's own Slack and Gmail nodes have. n8n 2.41 adds its own
		// "Custom API Call" (which only points to the HTTP Request node) to every Resource and Operation
		// list of a node whose `defaultVersion` is absent or equal to `version`; [1] is not 1. This
		// node has its own Custom API Call (region, From, retries, errors), listed last.
		version: [1],
		defaultVersion: 1,
		// The chosen operation's action, from the registry ("Snooze an incident").
		subtitle: subtitle(pagerDutyNode),
		description:
			'Manage PagerDuty incidents, alerts, services, schedules, on-call, users, teams and more through the REST API v2 (US or EU region)',
		defaults: {
			name: 'PagerDuty',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Chosen by Authentication only. n8n 2.41 drops a node's credential once the parameters it
		// depends on hide it, so one node cannot keep a REST and an Events credential side by side:
		// the Events API is the PagerDuty Events node's.
		credentials: restCredentials(),
		properties: [
			authenticationField,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions(resources),
				default: 'incident',
			},
			...operationProperties(pagerDutyNode),
			requestSettingsField,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, pagerDutyNode);
	}
}
