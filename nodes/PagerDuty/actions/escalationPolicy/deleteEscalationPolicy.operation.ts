import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { escalationPolicyLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = readLocatorId(
		this,
		itemIndex,
		'escalationPolicyId',
		'Escalation Policy',
		'escalationPolicy',
	);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/escalation_policies/${pathId(policyId)}`,
	});
	return { deleted: true, id: policyId };
}

export const deleteEscalationPolicy = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an escalation policy',
	description: 'Remove an escalation policy; PagerDuty refuses while a service uses it',
	endpoints: ['DELETE /escalation_policies/{id}'],
	properties: [escalationPolicyLocator],
	execute,
});
