import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pagerDutyEventsNode } from './actions/event';
import { operationProperties, subtitle } from './actions/registry';
import { router } from './actions/router';
import { requestSettingsField } from './descriptions/common';
import { EVENTS_CREDENTIAL_TYPE } from '../shared/transport/events';

/**
 * PagerDuty's Events API v2 with a routing key: its own node because its credential is its own
 * (see the PagerDuty node's credentials). Built from the same registry, router and transport.
 */
export class PagerDutyEvents implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PagerDuty Events',
		name: 'pagerDutyEvents',
		icon: { light: 'file:../../icons/pagerduty.svg', dark: 'file:../../icons/pagerduty.dark.svg' },
		group: ['output'],
		// A version list, so n8n adds no "Custom API Call" to the Operation list (see the PagerDuty node).
		version: [1],
		defaultVersion: 1,
		// The chosen operation's action, from the registry ("Trigger an alert").
		subtitle: subtitle(pagerDutyEventsNode),
		description:
			'Trigger, acknowledge and resolve PagerDuty alerts and send change events with an integration routing key (Events API v2, US or EU region)',
		defaults: {
			name: 'PagerDuty Events',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: EVENTS_CREDENTIAL_TYPE, required: true }],
		properties: [...operationProperties(pagerDutyEventsNode), requestSettingsField],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, pagerDutyEventsNode);
	}
}
