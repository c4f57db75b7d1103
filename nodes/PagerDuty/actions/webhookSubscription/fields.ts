import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemSuffix } from '../../../shared/errors';
import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { eventTypeOptions, expandEventTypes, scopeSelector } from '../../../shared/webhooks';

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
	description: 'The event types PagerDuty sends; "All Events" stands for all of them',
});

/** The subscription's scope: account, or one service or team. */
export const subscriptionScope = scopeSelector(
	{ scope: 'filterScope', service: 'subscriptionServiceId', team: 'subscriptionTeamId' },
	'are sent',
);

export function readEvents(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string[] {
	const events = expandEventTypes(value);
	if (events.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`"Events" must name at least one event type${itemSuffix(itemIndex)}`,
			{
				itemIndex,
			},
		);
	}
	return events;
}
