import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../../shared/transport/rest';
import { returnAllAndLimit } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { maxItemsOf } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('teams'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only teams whose name contains this text',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/teams', qs: withoutEmpty({ query: options.query }) },
		'teams',
		{ maxItems: maxItemsOf(this, itemIndex) },
	);
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many teams',
	description: 'List teams, optionally by name text',
	endpoints: ['GET /teams'],
	properties,
	execute,
});
