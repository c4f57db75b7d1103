import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Incident Type Name or ID',
		name: 'incidentType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getIncidentTypes' },
		required: true,
		default: '',
		description:
			'The incident type, by its name (e.g. incident_default) or ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

// PagerDuty takes the type's ID or its name here; both are letters, digits, _ and -.
const incidentTypeSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty')
	.regex(
		/^[A-Za-z0-9_-]+$/,
		'must be an incident type name such as incident_default, or its ID (letters, digits, _ and -)',
	);

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = readParameter(
		this,
		itemIndex,
		'incidentType',
		'Incident Type Name or ID',
		incidentTypeSchema,
	);
	return await readRecord(this, `/incidents/types/${pathId(type)}`, 'incident_type');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read one incident type by its name (e.g. incident_default) or ID: its display name, description, parent type and whether it is enabled',
	endpoints: ['GET /incidents/types/{type_id_or_name}'],
	properties,
	execute,
});
