import { teamLink } from './link';

export const { description, execute } = teamLink({
	operation: 'removeMember',
	method: 'DELETE',
	target: 'user',
});
