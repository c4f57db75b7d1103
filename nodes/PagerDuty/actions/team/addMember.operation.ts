import type { IExecuteFunctions } from 'n8n-workflow';

import { teamLink } from './link';

export const addMember = teamLink({
	value: 'addMember',
	name: 'Add Member',
	action: 'Add a member to a team',
	description: 'Add a user to a team with a role, or change the role of a member',
	method: 'PUT',
	target: 'user',
	fields: [
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: [
				{
					name: 'Manager',
					value: 'manager',
					description: 'Can change the team and its services, schedules and policies',
				},
				{
					name: 'Observer',
					value: 'observer',
					description: "Can see the team's objects, not change them",
				},
				{ name: 'Responder', value: 'responder', description: "Can act on the team's incidents" },
			],
			default: 'responder',
			description: "The user's role on this team; adding a member again changes their role",
		},
	],
	body: (context: IExecuteFunctions, itemIndex: number) => ({
		role: context.getNodeParameter('role', itemIndex) as string,
	}),
});
