import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { escalationPolicyLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['escalationPolicy'], operation: ['delete'] } },
	[escalationPolicyLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
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
