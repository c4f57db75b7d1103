import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { serviceLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/services/${pathId(serviceId)}`,
	});
	return { deleted: true, id: serviceId };
}

export const deleteService = defineOperation({
	value: 'delete',
	name: 'Delete',
	description: 'Remove a service for good; its incidents can no longer be reached in the web app',
	endpoints: ['DELETE /services/{id}'],
	properties: [serviceLocator.field],
	execute,
});
