import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { escalationPolicyLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = escalationPolicyLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/escalation_policies/${pathId(policyId)}`,
	});
	return { deleted: true, id: policyId };
}

export const deleteEscalationPolicy = defineOperation({
	value: 'delete',
	name: 'Delete',
	description: 'Remove an escalation policy; PagerDuty refuses while a service uses it',
	endpoints: ['DELETE /escalation_policies/{id}'],
	properties: [escalationPolicyLocator.field],
	execute,
});
