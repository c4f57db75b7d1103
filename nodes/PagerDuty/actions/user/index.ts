import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as deleteUser from './deleteUser.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllContactMethods from './getAllContactMethods.operation';
import * as getCurrent from './getCurrent.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	delete: deleteUser,
	get,
	getAll,
	getAllContactMethods,
	getCurrent,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Add a user to the account and send them an invitation (needs From with an account-level key)',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Remove a user from the account; PagerDuty refuses while incidents are assigned to them',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one user (name, email, role, time zone) by ID',
				action: 'Get a user',
			},
			{
				name: 'Get Current',
				value: 'getCurrent',
				description: 'Read the user the credential acts as (user API tokens and OAuth2 only)',
				action: 'Get current user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List users, optionally by name or email text and by team',
				action: 'Get many users',
			},
			{
				name: 'Get Many Contact Methods',
				value: 'getAllContactMethods',
				description:
					'List the email addresses, phone numbers and push devices a user is notified on',
				action: 'Get many contact methods',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Change a user's name, email, role, time zone, job title, color or description",
				action: 'Update a user',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteUser.description,
	...get.description,
	...getAll.description,
	...getAllContactMethods.description,
	...getCurrent.description,
	...update.description,
];
