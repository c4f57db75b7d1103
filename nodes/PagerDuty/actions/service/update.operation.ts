import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathId, reference } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { serviceLocator, serviceSettingFields, serviceSettings } from './fields';
import { locator } from '../../../shared/locators';
import { updateFieldsCollection, sortedByName } from '../../descriptions/common';
import { defineOperation } from '../registry';

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'New name; PagerDuty refuses a name another service already has',
};

const escalationPolicyLocator = locator('escalationPolicy', {
	displayName: 'Escalation Policy',
	name: 'escalationPolicyId',
	description:
		'Hand the service to another escalation policy: pick one, paste its URL, or give its ID',
});

const updateFields: INodeProperties[] = sortedByName(
	[escalationPolicyLocator.field, nameField, ...serviceSettingFields],
	(field) => field.displayName,
);

const properties: INodeProperties[] = [serviceLocator.field, updateFieldsCollection(updateFields)];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = serviceSettings(this, itemIndex, updateFields);
	if (updateFields.escalationPolicyId !== undefined) {
		const policyId = escalationPolicyLocator.readValue(
			this,
			updateFields.escalationPolicyId,
			itemIndex,
		);
		changes.escalation_policy = reference(policyId, 'escalation_policy');
	}
	requireChanges(this, itemIndex, changes);
	const path = `/services/${pathId(serviceId)}`;
	if (!changes.escalation_policy) {
		// PagerDuty's API description requires the escalation policy on every update: keep the current one.
		const current = await readRecord(this, path, 'service');
		changes.escalation_policy = reference(
			String((current.escalation_policy as IDataObject).id),
			'escalation_policy',
		);
	}
	return await sendRecord(this, 'PUT', path, 'service', { type: 'service', ...changes });
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		'Rename a service, change its escalation policy, timeouts, urgency or status; other settings stay',
	endpoints: ['GET /services/{id}', 'PUT /services/{id}'],
	properties,
	execute,
});
