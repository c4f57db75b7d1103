import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readServiceIds, serviceIdsField } from './fields';
import { returnAllAndLimit, optionsCollection } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('alert grouping settings'),
	optionsCollection([
		{
			...serviceIdsField,
			description:
				'Only the settings of these services (comma-separated IDs, from Service → Get Many)',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/alert_grouping_settings',
		property: 'alert_grouping_settings',
		paging: 'after',
		query: (options) => ({ service_ids: readServiceIds(this, itemIndex, options.serviceIds) }),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's alert grouping settings (type, config, services), optionally of some services only",
	endpoints: ['GET /alert_grouping_settings'],
	properties,
	execute,
});
