import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readAbilities } from './list';
import { returnAllAndLimit } from '../../descriptions/common';
import { maxItemsOf, upTo } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [...returnAllAndLimit('abilities')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// PagerDuty lists the names in one unpaged answer, so the limit is applied here.
	const abilities = (await readAbilities(this)).map((ability) => ({ ability }));
	return upTo(abilities, maxItemsOf(this, itemIndex));
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List what the account's PagerDuty plan allows (e.g. teams, urgencies, coordinated_responding). One item per ability: { ability }.",
	endpoints: ['GET /abilities'],
	properties,
	execute,
});
