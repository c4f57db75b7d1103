import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/common';
import { pagerDutyApiRequestAllItems } from '../../transport';
import { maxItemsOf } from '../common';

const properties: INodeProperties[] = [...returnAllAndLimit('priorities')];

export const description = updateDisplayOptions(
	{ show: { resource: ['priority'], operation: ['getAll'] } },
	properties,
);

/** In PagerDuty's order, most urgent first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/priorities' },
		'priorities',
		{
			maxItems: maxItemsOf(this, itemIndex),
		},
	);
}
