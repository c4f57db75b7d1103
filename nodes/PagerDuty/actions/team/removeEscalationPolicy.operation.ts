import { teamLink } from './link';

export const removeEscalationPolicy = teamLink({
	value: 'removeEscalationPolicy',
	name: 'Remove Escalation Policy',
	action: 'Remove an escalation policy from a team',
	description: 'Take an escalation policy out of a team',
	method: 'DELETE',
	target: 'escalationPolicy',
});
