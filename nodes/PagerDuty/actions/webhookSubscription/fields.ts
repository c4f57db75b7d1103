import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventTypeOptions, expandEventTypes } from '../../../PagerDutyTrigger/eventTypes';
import { locatorField } from '../../descriptions/locators';
import { readLocatorId } from '../../helpers/locators';
import { pagerDutyIdSchema, readParameter } from '../../helpers/validation';

export const subscriptionIdField: INodeProperties = {
	displayName: 'Webhook Subscription ID',
	name: 'webhookSubscriptionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. PY1OQHC',
	description: 'ID of the webhook subscription',
};

export const readSubscriptionId = (context: IExecuteFunctions, itemIndex: number) =>
	readParameter(context, itemIndex, 'webhookSubscriptionId', 'Webhook Subscription ID', pagerDutyIdSchema);

export const eventsField = (required: boolean): INodeProperties => ({
	displayName: 'Events',
	name: 'subscriptionEvents',
	type: 'multiOptions',
	options: eventTypeOptions,
	required,
	default: [],
	description: 'The event types PagerDuty sends; "*" stands for all of them',
});

/** Scope selector + the service or team it needs (the operation's displayOptions are added by the caller). */
export function scopeFields(): INodeProperties[] {
	const show = (scope: string) => ({ show: { filterScope: [scope] } });
	return [
		{
			displayName: 'Scope',
			name: 'filterScope',
			type: 'options',
			options: [
				{ name: 'Account', value: 'account', description: 'Events of every service in the account' },
				{ name: 'Service', value: 'service', description: 'Events of one service' },
				{ name: 'Team', value: 'team', description: 'Events of the services of one team' },
			],
			default: 'account',
			description: 'Which events the subscription receives',
		},
		{
			...locatorField('service', {
				displayName: 'Service',
				name: 'subscriptionServiceId',
				description: 'The service whose events are sent',
				required: true,
			}),
			displayOptions: show('service'),
		},
		{
			...locatorField('team', {
				displayName: 'Team',
				name: 'subscriptionTeamId',
				description: 'The team whose services\' events are sent',
				required: true,
			}),
			displayOptions: show('team'),
		},
	];
}

export function readFilter(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const scope = context.getNodeParameter('filterScope', itemIndex, 'account') as string;
	if (scope === 'service') {
		return { type: 'service_reference', id: readLocatorId(context, itemIndex, 'subscriptionServiceId', 'Service', 'service') };
	}
	if (scope === 'team') {
		return { type: 'team_reference', id: readLocatorId(context, itemIndex, 'subscriptionTeamId', 'Team', 'team') };
	}
	return { type: 'account_reference' };
}

export function readEvents(context: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	const events = expandEventTypes(value);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), `"Events" must name at least one event type (item ${itemIndex})`, {
			itemIndex,
		});
	}
	return events;
}
