import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { serviceLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['service'], operation: ['delete'] } },
	[serviceLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = readLocatorId(this, itemIndex, 'serviceId', 'Service', 'service');
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/services/${pathId(serviceId)}`,
	});
	return { deleted: true, id: serviceId };
}
