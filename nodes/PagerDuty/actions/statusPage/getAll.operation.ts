import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('status pages'),
	optionsCollection([
		{
			displayName: 'Type',
			name: 'statusPageType',
			type: 'options',
			options: [
				{ name: 'Private', value: 'private' },
				{ name: 'Public', value: 'public' },
			],
			default: 'public',
			description: 'Only public pages (anyone can read them) or only private ones',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/status_pages',
		property: 'status_pages',
		paging: 'offsetWithoutTotal',
		query: (options) => ({ status_page_type: options.statusPageType }),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's status pages (where customers read about incidents and maintenance): each page's ID for the Status Page Post operations, its name, type (public or private) and public address",
	endpoints: ['GET /status_pages'],
	properties,
	execute,
});
