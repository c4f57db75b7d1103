import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as createOverride from './createOverride.operation';
import * as deleteOverride from './deleteOverride.operation';
import * as deleteSchedule from './deleteSchedule.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllOverrides from './getAllOverrides.operation';
import * as getOnCallUsers from './getOnCallUsers.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	create,
	createOverride,
	delete: deleteSchedule,
	deleteOverride,
	get,
	getAll,
	getAllOverrides,
	getOnCallUsers,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['schedule'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add an on-call schedule made of one or more rotating layers of users',
				action: 'Create a schedule',
			},
			{
				name: 'Create Override',
				value: 'createOverride',
				description: 'Put a user on call in a schedule for a time range, in place of the rotation',
				action: 'Create a schedule override',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove a schedule; PagerDuty refuses while an escalation policy uses it',
				action: 'Delete a schedule',
			},
			{
				name: 'Delete Override',
				value: 'deleteOverride',
				description: 'Remove a schedule override (one under way is ended now)',
				action: 'Delete a schedule override',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Read one schedule with its layers and who is on call when (rendered for a time window)',
				action: 'Get a schedule',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List schedules, optionally by name text or team',
				action: 'Get many schedules',
			},
			{
				name: 'Get Many Overrides',
				value: 'getAllOverrides',
				description: "List a schedule's overrides in a time window",
				action: 'Get many schedule overrides',
			},
			{
				name: 'Get On-Call Users',
				value: 'getOnCallUsers',
				description: 'List the users on call in a schedule now or within a time window',
				action: 'Get on call users',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Rename a schedule, change its time zone, description or layers; what is not given is kept',
				action: 'Update a schedule',
			},
		],
		default: 'get',
	},
	...create.description,
	...createOverride.description,
	...deleteSchedule.description,
	...deleteOverride.description,
	...get.description,
	...getAll.description,
	...getAllOverrides.description,
	...getOnCallUsers.description,
	...update.description,
];
