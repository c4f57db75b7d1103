import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { notificationRuleIdField, userLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator.field, notificationRuleIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	const ruleId = readParameter(
		this,
		itemIndex,
		'notificationRuleId',
		'Notification Rule',
		pagerDutyIdSchema,
	);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/users/${pathId(userId)}/notification_rules/${pathId(ruleId)}`,
	});
	return { deleted: true, id: ruleId, user_id: userId };
}

export const deleteNotificationRule = defineOperation({
	value: 'deleteNotificationRule',
	name: 'Delete Notification Rule',
	action: 'Delete a notification rule of a user',
	description:
		"Remove one of a user's notification rules. Needs the user and the rule's ID (User → Get Many Notification Rules). Returns the deleted ID.",
	endpoints: ['DELETE /users/{id}/notification_rules/{notification_rule_id}'],
	properties,
	execute,
});
