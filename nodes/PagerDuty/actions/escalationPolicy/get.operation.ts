import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { escalationPolicyIncludeField, escalationPolicyLocator } from './fields';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	escalationPolicyLocator.field,
	optionsCollection([escalationPolicyIncludeField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const policyId = escalationPolicyLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readRecord(
		this,
		`/escalation_policies/${pathId(policyId)}`,
		'escalation_policy',
		withoutEmpty({ include: includeValues(options.include) }),
	);
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one escalation policy with its rules and targets by ID',
	endpoints: ['GET /escalation_policies/{id}'],
	properties,
	execute,
});
