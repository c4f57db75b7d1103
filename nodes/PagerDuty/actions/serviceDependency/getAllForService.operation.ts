import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dependenciesOf } from './list';
import { locator } from '../../../shared/locators';
import { returnAllAndLimit } from '../../descriptions/common';
import { defineOperation } from '../registry';

const serviceLocator = locator('service', {
	displayName: 'Service',
	name: 'serviceId',
	required: true,
	description:
		'The technical service whose dependencies to list: pick it, paste its URL, or give its ID (from Service → Get Many)',
});

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await dependenciesOf(this, itemIndex, serviceLocator, 'technical_services');
}

export const getAllForService = defineOperation({
	value: 'getAllForService',
	name: 'Get Many for a Service',
	action: 'Get many service dependencies for a service',
	description:
		'List the immediate dependencies of a technical service, both ways: what supports it and what depends on it. One item per dependency, with the supporting and the dependent service.',
	endpoints: ['GET /service_dependencies/technical_services/{id}'],
	properties: [serviceLocator.field, ...returnAllAndLimit('dependencies')],
	execute,
});
