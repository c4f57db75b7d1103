import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { businessServiceLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessServiceId = businessServiceLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/business_services/${pathId(businessServiceId)}`,
	});
	return { deleted: true, id: businessServiceId };
}

export const deleteBusinessService = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		'Remove a business service for good. Needs its ID (Business Service → Get Many). Returns the deleted ID.',
	endpoints: ['DELETE /business_services/{id}'],
	properties: [businessServiceLocator.field],
	execute,
});
