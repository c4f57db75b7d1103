import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [...returnAllAndLimit('priorities')];

/** In PagerDuty's order, most urgent first. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, { path: '/priorities', property: 'priorities' });
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's incident priorities (such as P1 to P5), most urgent first; their IDs set an incident's priority. Standard and Enterprise plans only.",
	endpoints: ['GET /priorities'],
	properties,
	execute,
});
