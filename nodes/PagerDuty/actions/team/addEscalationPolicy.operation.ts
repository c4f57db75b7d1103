import { teamLink } from './link';

export const { description, execute } = teamLink({
	operation: 'addEscalationPolicy',
	method: 'PUT',
	target: 'escalationPolicy',
});
