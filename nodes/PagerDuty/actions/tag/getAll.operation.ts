import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, queryFilter, returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('tags'),
	optionsCollection([queryFilter('tags whose label')]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/tags',
		property: 'tags',
		query: (options) => ({ query: options.query }),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's tags (IDs and labels), optionally those whose label contains a text",
	endpoints: ['GET /tags'],
	properties,
	execute,
});
