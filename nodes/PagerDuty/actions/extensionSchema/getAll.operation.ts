import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [...returnAllAndLimit('extension schemas')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/extension_schemas',
		property: 'extension_schemas',
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List the vendor types of legacy extensions (Generic Webhook, Slack, ServiceNow …): label, key, the incident events each sends, guide URL. Use the ID when creating an extension with a Custom API Call. Returns one item per schema.',
	endpoints: ['GET /extension_schemas'],
	properties,
	execute,
});
