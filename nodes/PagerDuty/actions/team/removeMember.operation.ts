import { teamLink } from './link';

export const removeMember = teamLink({
	value: 'removeMember',
	name: 'Remove Member',
	action: 'Remove a member from a team',
	description: 'Take a user out of a team',
	method: 'DELETE',
	target: 'user',
});
