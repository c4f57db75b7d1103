import { teamLink } from './link';

export const { description, execute } = teamLink({
	operation: 'removeEscalationPolicy',
	method: 'DELETE',
	target: 'escalationPolicy',
});
