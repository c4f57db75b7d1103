import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { emailSettingFields, emailSettings, integrationLocator, serviceLocator } from './fields';
import { validate } from '../../../shared/validation';
import { sortedByName, updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { defineOperation } from '../registry';

const updateFields = sortedByName(
	[
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name of the integration',
		} as INodeProperties,
		...emailSettingFields,
	],
	(field) => field.displayName,
);

const properties: INodeProperties[] = [
	serviceLocator.field,
	integrationLocator.field,
	updateFieldsCollection(updateFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const integrationId = integrationLocator.read(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	requireChanges(this, itemIndex, fields);
	const path = `/services/${pathId(serviceId)}/integrations/${pathId(integrationId)}`;
	// The type decides which settings apply, and PagerDuty's PUT wants it: read it first.
	const current = await readRecord(this, path, 'integration');
	const type = String(current.type);
	const changes: IDataObject = {
		type,
		name: current.name,
		...emailSettings(this, itemIndex, fields, type),
	};
	if (fields.name !== undefined)
		changes.name = validate(
			this,
			itemIndex,
			'Name',
			z.string().trim().min(1, 'must not be empty'),
			fields.name,
		);
	return await sendRecord(this, 'PUT', path, 'integration', changes);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		"Rename an integration of a service, or change an Email integration's address, filters and parsers; what is not given stays. Needs the service's ID and the integration's ID. Returns the updated integration.",
	endpoints: [
		'GET /services/{id}/integrations/{integration_id}',
		'PUT /services/{id}/integrations/{integration_id}',
	],
	properties,
	execute,
});
