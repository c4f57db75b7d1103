import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	escalationRulesField,
	policySettingFields,
	policySettings,
	readEscalationRules,
} from './fields';
import { itemSuffix } from '../../../shared/errors';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail } from '../../../shared/validation';
import { additionalFieldsCollection, fromEmailField } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description:
			'Name of the new escalation policy; PagerDuty refuses a name another policy already has',
	},
	// Before the rules: a short field is easy to miss below a long list.
	fromEmailField,
	escalationRulesField(
		"Who is notified, in order: the first rule's targets at once, each next rule when the incident is still unacknowledged after the previous rule's delay. At least one rule.",
	),
	additionalFieldsCollection(policySettingFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const settings = policySettings(this, itemIndex, {
		...additionalFields,
		name: this.getNodeParameter('name', itemIndex),
	});
	const rules = readEscalationRules(this, itemIndex);
	if (!rules) {
		throw new NodeOperationError(
			this.getNode(),
			`Add at least one rule under "Escalation Rules"${itemSuffix(itemIndex)}`,
			{ itemIndex },
		);
	}
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: '/escalation_policies',
		body: {
			escalation_policy: { type: 'escalation_policy', ...settings, escalation_rules: rules },
		},
		// Optional here: PagerDuty records the user in the policy's change history.
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.escalation_policy as IDataObject;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Add an escalation policy: who is notified for an incident, in which order, after how long',
	endpoints: ['POST /escalation_policies'],
	properties,
	execute,
});
