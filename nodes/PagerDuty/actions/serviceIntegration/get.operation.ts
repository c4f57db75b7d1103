import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { integrationLocator, serviceLocator } from './fields';
import { optionsCollection } from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	serviceLocator.field,
	integrationLocator.field,
	optionsCollection([
		includeField([
			{ name: 'Services', value: 'services' },
			{ name: 'Vendors', value: 'vendors' },
		]),
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const integrationId = integrationLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readRecord(
		this,
		`/services/${pathId(serviceId)}/integrations/${pathId(integrationId)}`,
		'integration',
		withoutEmpty({ include: includeValues(options.include) }),
	);
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		"Read one integration of a service, including the integration_key of Events API integrations (the routing key senders use). Needs the service's ID and the integration's ID (Service → Get with Include Integrations).",
	endpoints: ['GET /services/{id}/integrations/{integration_id}'],
	properties,
	execute,
});
