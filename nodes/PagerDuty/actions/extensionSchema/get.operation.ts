import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Schema Name or ID',
		name: 'extensionSchemaId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getExtensionSchemas' },
		required: true,
		default: '',
		description:
			'The extension vendor type (Extension Schema → Get Many lists them). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readParameter(
		this,
		itemIndex,
		'extensionSchemaId',
		'Extension Schema',
		pagerDutyIdSchema,
	);
	return await readRecord(this, `/extension_schemas/${pathId(id)}`, 'extension_schema');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		"Read one extension vendor type by ID: its label, key, the incident events it sends and its guide. Needs the schema's ID (Extension Schema → Get Many). Returns the schema.",
	endpoints: ['GET /extension_schemas/{id}'],
	properties,
	execute,
});
