import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, optionsCollection } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('event orchestrations'),
	optionsCollection([
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Created (Newest First)', value: 'created_at:desc' },
				{ name: 'Created (Oldest First)', value: 'created_at:asc' },
				{ name: 'Name (A to Z)', value: 'name:asc' },
				{ name: 'Name (Z to A)', value: 'name:desc' },
				{ name: 'Routes (Fewest First)', value: 'routes:asc' },
				{ name: 'Routes (Most First)', value: 'routes:desc' },
			],
			default: 'name:asc',
			description: 'Order of the event orchestrations',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/event_orchestrations',
		property: 'orchestrations',
		paging: 'offsetWithoutTotal',
		query: (options) => ({ sort_by: options.sortBy }),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's global event orchestrations with their IDs (UUIDs), names, teams and number of routes",
	endpoints: ['GET /event_orchestrations'],
	properties,
	execute,
});
