import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { businessServiceBody, businessServiceFields, nameField } from './fields';
import { additionalFieldsCollection } from '../../descriptions/common';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		...nameField('Name of the new business service; PagerDuty refuses a name another one has'),
		required: true,
	},
	additionalFieldsCollection(businessServiceFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const businessService = businessServiceBody(this, itemIndex, {
		...additionalFields,
		name: this.getNodeParameter('name', itemIndex),
	});
	return await sendRecord(this, 'POST', '/business_services', 'business_service', businessService);
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Add a business service: something the business sees (e.g. online checkout) that technical services support. Optionally owned by a team. Returns the new business service with its ID.',
	endpoints: ['POST /business_services'],
	properties,
	execute,
});
