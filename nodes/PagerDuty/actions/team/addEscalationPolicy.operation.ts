import { teamLink } from './link';

export const addEscalationPolicy = teamLink({
	value: 'addEscalationPolicy',
	name: 'Add Escalation Policy',
	action: 'Add an escalation policy to a team',
	description: 'Make an escalation policy belong to a team',
	method: 'PUT',
	target: 'escalationPolicy',
});
