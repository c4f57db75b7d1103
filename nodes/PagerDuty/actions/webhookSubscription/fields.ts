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
	readParameter(
		context,
		itemIndex,
		'webhookSubscriptionId',
		'Webhook Subscription ID',
		pagerDutyIdSchema,
	);

export const eventsField = (required: boolean): INodeProperties => ({
	displayName: 'Events',
	name: 'subscriptionEvents',
	type: 'multiOptions',
	options: eventTypeOptions,
	required,
	default: [],
	description: 'The event types PagerDuty sends; "*" stands for all of them',
});

/** Parameter names of a scope selector: the Webhook Subscription resource's, unless the trigger's are given. */
export interface ScopeFieldNames {
	scope: string;
	service: string;
	team: string;
}

const SUBSCRIPTION_SCOPE: ScopeFieldNames = {
	scope: 'filterScope',
	service: 'subscriptionServiceId',
	team: 'subscriptionTeamId',
};

/**
 * Scope selector + the service or team it needs (the operation's displayOptions are added by the
 * caller). `outcome` says what the scoped events do, e.g. 'are sent' or 'start the workflow'.
 */
export function scopeFields(
	names: ScopeFieldNames = SUBSCRIPTION_SCOPE,
	outcome = 'are sent',
): INodeProperties[] {
	const show = (scope: string) => ({ show: { [names.scope]: [scope] } });
	return [
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
		{
			...locatorField('service', {
				displayName: 'Service',
				name: names.service,
				description: `The service whose events ${outcome}`,
				required: true,
			}),
			displayOptions: show('service'),
		},
		{
			...locatorField('team', {
				displayName: 'Team',
				name: names.team,
				description: `The team whose services' events ${outcome}`,
				required: true,
			}),
			displayOptions: show('team'),
		},
	];
}

export function readFilter(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const scope = context.getNodeParameter('filterScope', itemIndex, 'account') as string;
	if (scope === 'service') {
		return {
			type: 'service_reference',
			id: readLocatorId(context, itemIndex, 'subscriptionServiceId', 'Service', 'service'),
		};
	}
	if (scope === 'team') {
		return {
			type: 'team_reference',
			id: readLocatorId(context, itemIndex, 'subscriptionTeamId', 'Team', 'team'),
		};
	}
	return { type: 'account_reference' };
}

export function readEvents(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string[] {
	const events = expandEventTypes(value);
	if (events.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`"Events" must name at least one event type (item ${itemIndex})`,
			{
				itemIndex,
			},
		);
	}
	return events;
}
