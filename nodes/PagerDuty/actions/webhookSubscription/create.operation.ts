import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventsField, readEvents, subscriptionScope } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { httpUrlSchema, readParameter } from '../../../shared/validation';
import { additionalFieldsCollection } from '../../descriptions/common';
import { defineOperation } from '../registry';

const urlSchema = httpUrlSchema('https://example.com/hooks/pagerduty');

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'deliveryUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/hooks/pagerduty',
		description:
			'Where PagerDuty POSTs the events. To start an n8n workflow, use the PagerDuty Trigger node instead: it manages its own subscription.',
	},
	eventsField(true),
	additionalFieldsCollection([
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether PagerDuty sends events right away',
		},
		{
			displayName: 'Custom Headers',
			name: 'customHeaders',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Header',
			default: {},
			options: [
				{
					displayName: 'Header',
					name: 'headers',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const url = readParameter(this, itemIndex, 'deliveryUrl', 'URL', urlSchema);
	const events = readEvents(
		this,
		itemIndex,
		this.getNodeParameter('subscriptionEvents', itemIndex, []),
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const headers = (
		((additional.customHeaders as IDataObject | undefined)?.headers ?? []) as IDataObject[]
	)
		.filter((header) => String(header.name ?? '').trim() !== '')
		.map((header) => ({ name: String(header.name).trim(), value: String(header.value ?? '') }));
	const subscription: IDataObject = {
		type: 'webhook_subscription',
		delivery_method: {
			type: 'http_delivery_method',
			url,
			...(headers.length > 0 && { custom_headers: headers }),
		},
		events,
		filter: subscriptionScope.readFilter(this, itemIndex),
	};
	if (typeof additional.description === 'string' && additional.description.trim() !== '') {
		subscription.description = additional.description.trim();
	}
	if (typeof additional.active === 'boolean') subscription.active = additional.active;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: '/webhook_subscriptions',
		body: { webhook_subscription: subscription },
	});
	// The output holds delivery_method.secret: PagerDuty shows it in this answer only.
	return response.webhook_subscription as IDataObject;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Subscribe a URL to incident and service events (webhooks v3); the answer holds the signing secret, shown only once',
	endpoints: ['POST /webhook_subscriptions'],
	properties: [...properties.slice(0, 1), ...subscriptionScope.fields, ...properties.slice(1)],
	execute,
});
