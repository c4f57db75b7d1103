import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as addEscalationPolicy from './addEscalationPolicy.operation';
import * as addMember from './addMember.operation';
import * as create from './create.operation';
import * as deleteTeam from './deleteTeam.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllMembers from './getAllMembers.operation';
import * as removeEscalationPolicy from './removeEscalationPolicy.operation';
import * as removeMember from './removeMember.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = {
	addEscalationPolicy,
	addMember,
	create,
	delete: deleteTeam,
	get,
	getAll,
	getAllMembers,
	removeEscalationPolicy,
	removeMember,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['team'] } },
		options: [
			{
				name: 'Add Escalation Policy',
				value: 'addEscalationPolicy',
				description: 'Make an escalation policy belong to a team',
				action: 'Add an escalation policy to a team',
			},
			{
				name: 'Add Member',
				value: 'addMember',
				description: 'Add a user to a team with a role, or change the role of a member',
				action: 'Add a member to a team',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a team',
				action: 'Create a team',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a team, optionally handing its objects to another team',
				action: 'Delete a team',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Read one team by ID',
				action: 'Get a team',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List teams, optionally by name text',
				action: 'Get many teams',
			},
			{
				name: 'Get Many Members',
				value: 'getAllMembers',
				description: "List a team's members with their team roles",
				action: 'Get many members of a team',
			},
			{
				name: 'Remove Escalation Policy',
				value: 'removeEscalationPolicy',
				description: 'Take an escalation policy out of a team',
				action: 'Remove an escalation policy from a team',
			},
			{
				name: 'Remove Member',
				value: 'removeMember',
				description: 'Take a user out of a team',
				action: 'Remove a member from a team',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a team or change its description or default role',
				action: 'Update a team',
			},
		],
		default: 'get',
	},
	...addEscalationPolicy.description,
	...addMember.description,
	...create.description,
	...deleteTeam.description,
	...get.description,
	...getAll.description,
	...getAllMembers.description,
	...removeEscalationPolicy.description,
	...removeMember.description,
	...update.description,
];
