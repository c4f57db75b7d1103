import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dependenciesOf } from './list';
import { returnAllAndLimit } from '../../descriptions/common';
import { businessServiceLocator } from '../businessService/fields';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await dependenciesOf(this, itemIndex, businessServiceLocator, 'business_services');
}

export const getAllForBusinessService = defineOperation({
	value: 'getAllForBusinessService',
	name: 'Get Many for a Business Service',
	action: 'Get many service dependencies for a business service',
	description:
		'List the immediate dependencies of a business service, both ways: the services that support it and those that depend on it. One item per dependency, with the supporting and the dependent service.',
	endpoints: ['GET /service_dependencies/business_services/{id}'],
	properties: [businessServiceLocator.field, ...returnAllAndLimit('dependencies')],
	execute,
});
