import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { businessServiceLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessServiceId = businessServiceLocator.read(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/business_services/${pathId(businessServiceId)}`,
	});
	return response.business_service as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read one business service (name, description, point of contact, owning team) by its ID (from Business Service → Get Many)',
	endpoints: ['GET /business_services/{id}'],
	properties: [businessServiceLocator.field],
	execute,
});
