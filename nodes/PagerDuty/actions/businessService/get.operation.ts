import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { businessServiceLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessServiceId = businessServiceLocator.read(this, itemIndex);
	return await readRecord(
		this,
		`/business_services/${pathId(businessServiceId)}`,
		'business_service',
	);
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
