import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { escalationPolicyIncludeField, escalationPolicyLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	escalationPolicyLocator.field,
	optionsCollection([escalationPolicyIncludeField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = escalationPolicyLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/escalation_policies/${pathId(policyId)}`,
		qs: withoutEmpty({ include: includeValues(options.include) }),
	});
	return response.escalation_policy as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one escalation policy with its rules and targets by ID',
	endpoints: ['GET /escalation_policies/{id}'],
	properties,
	execute,
});
