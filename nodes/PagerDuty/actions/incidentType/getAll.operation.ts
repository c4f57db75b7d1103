import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readIncidentTypes } from './list';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { maxItemsOf, upTo } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('incident types'),
	optionsCollection([
		{
			displayName: 'Filter',
			name: 'filter',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Disabled', value: 'disabled' },
				{ name: 'Enabled', value: 'enabled' },
			],
			default: 'enabled',
			description: 'Which incident types to list; PagerDuty lists the enabled ones by default',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// PagerDuty returns the incident types in one unpaged list, so the limit is applied here.
	return upTo(
		await readIncidentTypes(this, (options.filter as string | undefined) ?? 'enabled'),
		maxItemsOf(this, itemIndex),
	);
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's incident types (e.g. Base Incident, Security Incident): the name to give Incident → Create's incident type, each type's parent and whether it is enabled",
	endpoints: ['GET /incidents/types'],
	properties,
	execute,
});
