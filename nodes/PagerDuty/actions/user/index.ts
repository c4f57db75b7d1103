import { create } from './create.operation';
import { deleteUser } from './deleteUser.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllContactMethods } from './getAllContactMethods.operation';
import { getCurrent } from './getCurrent.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const user = defineResource({
	option: {
		name: 'User',
		value: 'user',
		description: 'People in the account and their contact methods',
	},
	noun: 'user',
	plural: 'users',
	article: 'a',
	defaultOperation: 'get',
	operations: [create, deleteUser, get, getAll, getAllContactMethods, getCurrent, update],
});
