import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { contactMethodIdField, readContactMethodId, userLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	userLocator.field,
	contactMethodIdField,
	{
		displayName: 'Start Delay (Minutes)',
		name: 'startDelayInMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'How many minutes after an incident is assigned to the user PagerDuty notifies them; 0 at once',
	},
	{
		displayName: 'Urgency',
		name: 'urgency',
		type: 'options',
		options: [
			{ name: 'High', value: 'high' },
			{
				name: 'Low',
				value: 'low',
				description: "Needs the urgencies ability on the account's plan",
			},
		],
		default: 'high',
		description: 'The urgency of the incidents this rule is for',
	},
];

const delaySchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number of minutes')
	.min(0, 'must be 0 or more');
const urgencySchema = z.enum(['high', 'low'], { message: 'must be high or low' });

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	const contactMethodId = readContactMethodId(this, itemIndex);
	const delay = readParameter(
		this,
		itemIndex,
		'startDelayInMinutes',
		'Start Delay (Minutes)',
		delaySchema,
	);
	const urgency = readParameter(this, itemIndex, 'urgency', 'Urgency', urgencySchema);
	const userPath = `/users/${pathId(userId)}`;
	// The rule names its contact method by a reference whose type follows the method's kind
	// (email_contact_method_reference, …); an ID alone does not tell the kind, so it is read.
	const method = (
		await pagerDutyApiRequest.call(this, {
			method: 'GET',
			path: `${userPath}/contact_methods/${pathId(contactMethodId)}`,
		})
	).contact_method as IDataObject;
	return await sendRecord(this, 'POST', `${userPath}/notification_rules`, 'notification_rule', {
		type: 'assignment_notification_rule',
		start_delay_in_minutes: delay,
		urgency,
		contact_method: { id: contactMethodId, type: `${String(method.type)}_reference` },
	});
}

export const createNotificationRule = defineOperation({
	value: 'createNotificationRule',
	name: 'Create Notification Rule',
	action: 'Create a notification rule for a user',
	description:
		'Make PagerDuty notify a user on one of their contact methods a number of minutes after an incident of an urgency is assigned to them. Needs the user and one of their contact methods (User → Get Many Contact Methods, or Create Contact Method). Returns the new rule.',
	endpoints: [
		'GET /users/{id}/contact_methods/{contact_method_id}',
		'POST /users/{id}/notification_rules',
	],
	properties,
	execute,
});
