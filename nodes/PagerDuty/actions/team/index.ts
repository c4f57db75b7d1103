import { addEscalationPolicy } from './addEscalationPolicy.operation';
import { addMember } from './addMember.operation';
import { create } from './create.operation';
import { deleteTeam } from './deleteTeam.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllMembers } from './getAllMembers.operation';
import { removeEscalationPolicy } from './removeEscalationPolicy.operation';
import { removeMember } from './removeMember.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const team = defineResource({
	option: {
		name: 'Team',
		value: 'team',
		description: 'Teams, their members and escalation policies',
	},
	noun: 'team',
	plural: 'teams',
	article: 'a',
	defaultOperation: 'get',
	operations: [
		addEscalationPolicy,
		addMember,
		create,
		deleteTeam,
		get,
		getAll,
		getAllMembers,
		removeEscalationPolicy,
		removeMember,
		update,
	],
});
