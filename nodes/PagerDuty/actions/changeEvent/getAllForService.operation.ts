import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { changeEventListFields, listChangeEvents } from './list';
import { locator } from '../../../shared/locators';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const serviceId = serviceLocator.read(this, itemIndex);
	return await listChangeEvents(this, itemIndex, `/services/${pathId(serviceId)}/change_events`);
}

const serviceLocator = locator('service', {
	displayName: 'Service',
	name: 'serviceId',
	required: true,
	description:
		'The service whose change events to list: pick one, paste its URL, or give its ID (from Service → Get Many)',
});

export const getAllForService = defineOperation({
	value: 'getAllForService',
	name: 'Get Many for a Service',
	action: 'Get many change events for a service',
	description:
		'List the change events of one service, newest first, optionally in a UTC time window',
	endpoints: ['GET /services/{id}/change_events'],
	properties: [serviceLocator.field, ...changeEventListFields],
	execute,
});
