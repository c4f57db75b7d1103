import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, queryFilter, returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('teams'),
	optionsCollection([queryFilter('teams whose name')]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/teams',
		property: 'teams',
		query: (options) => ({ query: options.query }),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List teams, optionally by name text',
	endpoints: ['GET /teams'],
	properties,
	execute,
});
