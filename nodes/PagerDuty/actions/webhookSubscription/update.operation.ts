import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	eventsField,
	readEvents,
	readSubscriptionId,
	subscriptionIdField,
	subscriptionScope,
} from './fields';
import { itemSuffix } from '../../../shared/errors';
import { updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	subscriptionIdField,
	updateFieldsCollection([
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: 'Whether PagerDuty sends events',
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{ ...eventsField(false), name: 'events' },
	]),
	{
		displayName: 'Change Scope',
		name: 'changeScope',
		type: 'boolean',
		default: false,
		description:
			'Whether to move the subscription to another scope (account, service or team). Its URL cannot be changed: create a new subscription for that.',
	},
	...subscriptionScope.fields.map((field) => ({
		...field,
		displayOptions: { show: { ...field.displayOptions?.show, changeScope: [true] } },
	})),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (typeof fields.active === 'boolean') changes.active = fields.active;
	if (typeof fields.description === 'string') changes.description = fields.description;
	if (fields.events !== undefined) changes.events = readEvents(this, itemIndex, fields.events);
	if (this.getNodeParameter('changeScope', itemIndex, false) === true)
		changes.filter = subscriptionScope.readFilter(this, itemIndex);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Nothing to update: add a field or change the scope${itemSuffix(itemIndex)}`,
			{
				itemIndex,
			},
		);
	}
	return await sendRecord(
		this,
		'PUT',
		`/webhook_subscriptions/${pathId(id)}`,
		'webhook_subscription',
		changes,
	);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: 'Change the events, scope, description or active state (not the URL)',
	endpoints: ['PUT /webhook_subscriptions/{id}'],
	properties,
	execute,
});
