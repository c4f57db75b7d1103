import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/business_services',
		property: 'business_services',
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's business services with their IDs, names, points of contact and teams (PagerDuty offers no filter)",
	endpoints: ['GET /business_services'],
	properties: returnAllAndLimit('business services'),
	execute,
});
