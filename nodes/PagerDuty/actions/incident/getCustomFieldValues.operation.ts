import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	customFieldsOutput,
	customFieldsSimplifyField,
	readCustomFieldValues,
} from './customFields';
import { incidentLocator } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentLocator.field, customFieldsSimplifyField];

async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	return customFieldsOutput(this, itemIndex, await readCustomFieldValues(this, incidentId));
}

export const getCustomFieldValues = defineOperation({
	value: 'getCustomFieldValues',
	name: 'Get Custom Field Values',
	action: 'Get custom field values of an incident',
	description:
		"Read the values of an incident's custom fields (those its incident type defines; unset ones are null). Needs the incident's ID (Incident → Get Many). Returns one item { field name: value } or, with Simplify off, one item per field with its data type and description.",
	endpoints: ['GET /incidents/{id}/custom_fields/values'],
	properties,
	execute,
});
