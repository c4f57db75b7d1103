import { create } from './create.operation';
import { createContactMethod } from './createContactMethod.operation';
import { createNotificationRule } from './createNotificationRule.operation';
import { deleteContactMethod } from './deleteContactMethod.operation';
import { deleteNotificationRule } from './deleteNotificationRule.operation';
import { deleteUser } from './deleteUser.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllContactMethods } from './getAllContactMethods.operation';
import { getAllNotificationRules } from './getAllNotificationRules.operation';
import { getContactMethod } from './getContactMethod.operation';
import { getCurrent } from './getCurrent.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const user = defineResource({
	option: {
		name: 'User',
		value: 'user',
		description: 'People in the account, their contact methods and notification rules',
	},
	noun: 'user',
	plural: 'users',
	article: 'a',
	defaultOperation: 'get',
	operations: [
		create,
		deleteUser,
		get,
		getAll,
		getAllContactMethods,
		getCurrent,
		update,
		createContactMethod,
		getContactMethod,
		deleteContactMethod,
		getAllNotificationRules,
		createNotificationRule,
		deleteNotificationRule,
	],
});
