import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../../shared/transport/rest';
import { pagerDutyIdSchema, validate } from '../../../shared/validation';
import { returnAllAndLimit } from '../../descriptions/common';
import { maxItemsOf } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('webhook subscriptions'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Scope Type',
				name: 'filterType',
				type: 'options',
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Service', value: 'service' },
					{ name: 'Team', value: 'team' },
				],
				default: 'service',
				description: 'Only subscriptions scoped to the account, a service or a team',
			},
			{
				displayName: 'Scope ID',
				name: 'filterId',
				type: 'string',
				default: '',
				placeholder: 'e.g. PIJ90N7',
				description: 'Only subscriptions for this service or team ID',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = maxItemsOf(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.filterType === 'string' && filters.filterType !== '')
		qs.filter_type = filters.filterType;
	if (typeof filters.filterId === 'string' && filters.filterId.trim() !== '') {
		qs.filter_id = validate(this, itemIndex, 'Scope ID', pagerDutyIdSchema, filters.filterId);
	}
	return await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/webhook_subscriptions', qs },
		'webhook_subscriptions',
		{ maxItems: limit },
	);
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List webhook subscriptions, optionally by scope',
	endpoints: ['GET /webhook_subscriptions'],
	properties,
	execute,
});
