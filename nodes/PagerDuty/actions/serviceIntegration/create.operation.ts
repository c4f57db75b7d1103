import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	EMAIL_TYPE,
	emailSettingFields,
	emailSettings,
	integrationTypeField,
	serviceLocator,
} from './fields';
import {
	invalidParameter,
	pagerDutyIdSchema,
	readParameter,
	validate,
} from '../../../shared/validation';
import { additionalFieldsCollection, sortedByName } from '../../descriptions/common';
import { pathId, reference } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	serviceLocator.field,
	integrationTypeField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Datadog',
		description: 'Name of the integration, shown on the service (usually the sending tool)',
	},
	additionalFieldsCollection(
		sortedByName(
			[
				...emailSettingFields,
				{
					displayName: 'Vendor ID',
					name: 'vendorId',
					type: 'string',
					default: '',
					placeholder: 'PZD94QK',
					description:
						"PagerDuty's ID of the tool that sends the events (a vendor in PagerDuty's integration catalogue), if any",
				},
			],
			(field) => field.displayName,
		),
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const type = this.getNodeParameter('type', itemIndex) as string;
	const name = readParameter(
		this,
		itemIndex,
		'name',
		'Name',
		z.string().trim().min(1, 'must not be empty'),
	);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const integration: IDataObject = {
		type,
		name,
		service: reference(serviceId, 'service'),
		...emailSettings(this, itemIndex, additionalFields, type),
	};
	if (type === EMAIL_TYPE && integration.integration_email === undefined)
		throw invalidParameter(this, itemIndex, 'Integration Email', 'is required for the Email type');
	if (additionalFields.vendorId) {
		const vendorId = validate(
			this,
			itemIndex,
			'Vendor ID',
			pagerDutyIdSchema,
			additionalFields.vendorId,
		);
		integration.vendor = reference(vendorId, 'vendor');
	}
	return await sendRecord(
		this,
		'POST',
		`/services/${pathId(serviceId)}/integrations`,
		'integration',
		integration,
	);
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Add an integration to a service, e.g. an Events API v2 integration for a monitoring tool. Needs the service's ID (Service → Get Many). Returns the integration; for Events API integrations its integration_key is the routing key senders use (e.g. in a PagerDuty Events credential).",
	endpoints: ['POST /services/{id}/integrations'],
	properties,
	execute,
});
