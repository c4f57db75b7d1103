import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { serviceSettingFields, serviceSettings } from './fields';
import { locator } from '../../../shared/locators';
import { additionalFieldsCollection } from '../../descriptions/common';
import { reference } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const escalationPolicyLocator = locator('escalationPolicy', {
	displayName: 'Escalation Policy',
	name: 'escalationPolicyId',
	required: true,
	description:
		"Who is paged for the service's incidents: pick an escalation policy, paste its URL, or give its ID (from Escalation Policy → Get Many or Create)",
});

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the new service; PagerDuty refuses a name another service already has',
	},
	escalationPolicyLocator.field,
	additionalFieldsCollection(serviceSettingFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const escalationPolicyId = escalationPolicyLocator.read(this, itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const service: IDataObject = {
		type: 'service',
		...serviceSettings(this, itemIndex, {
			...additionalFields,
			name: this.getNodeParameter('name', itemIndex),
		}),
		escalation_policy: reference(escalationPolicyId, 'escalation_policy'),
	};
	return await sendRecord(this, 'POST', '/services', 'service', service);
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Add a service (something incidents are opened on) with the escalation policy that is paged for it',
	endpoints: ['POST /services'],
	properties,
	execute,
});
