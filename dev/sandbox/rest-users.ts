/** Users, their contact methods and team memberships. Bodies were already contract-validated. */
import { ACCOUNT_TOKEN_ME_ERROR, invalidInput, notFound } from './errors';
import { matchesQuery, paginate, queryList, RestHandler, RestRequest } from './rest-common';
import { API_BASE, Reference, SandboxStore, Team, User } from './store';

export interface ContactMethod {
	id: string;
	type: string;
	summary: string;
	self: string;
	html_url: null;
	label: string;
	address: string;
	send_short_email?: boolean;
	send_html_email?: boolean;
	country_code?: number;
}

export type TeamRole = 'observer' | 'responder' | 'manager';

export interface TeamMembership {
	teamId: string;
	userId: string;
	role: TeamRole;
}

interface UserInput {
	name?: string;
	email?: string;
	role?: string;
	time_zone?: string;
	job_title?: string;
	color?: string;
	description?: string | null;
}

const DEFAULT_TIME_ZONE = 'Etc/UTC';
const USER_COLORS = ['green', 'red', 'purple', 'blue', 'teal', 'orange', 'brown', 'cyan'];

/** Every user's contact methods in full (users themselves hold references). */
export const contactMethods = (store: SandboxStore) =>
	store.collection<ContactMethod>('contactMethods', (seeded) =>
		seeded.users.flatMap((user) =>
			user.contact_methods.map((method) => ({
				id: method.id,
				type: method.type.replace(/_reference$/, ''),
				summary: method.summary,
				self: method.self,
				html_url: null,
				label: method.summary,
				address: user.email,
				send_short_email: false,
				send_html_email: false,
			})),
		),
	);

/** Team membership roles; the first member of each seeded team manages it, the others respond. */
export const teamMemberships = (store: SandboxStore) =>
	store.collection<TeamMembership>('teamMemberships', (seeded) =>
		seeded.teams.flatMap((team) =>
			seeded.users
				.filter((user) => user.teams.some((reference) => reference.id === team.id))
				.map((user, index) => ({
					teamId: team.id,
					userId: user.id,
					role: index === 0 ? 'manager' : 'responder',
				})),
		),
	);

export function setTeamMembership(
	store: SandboxStore,
	team: Team,
	user: User,
	role: TeamRole,
): void {
	const memberships = teamMemberships(store);
	const existing = memberships.find(
		(member) => member.teamId === team.id && member.userId === user.id,
	);
	if (existing) existing.role = role;
	else memberships.push({ teamId: team.id, userId: user.id, role });
	if (!user.teams.some((reference) => reference.id === team.id)) user.teams.push(store.ref(team));
}

export function removeTeamMembership(store: SandboxStore, teamId: string, user: User): boolean {
	const memberships = teamMemberships(store);
	const index = memberships.findIndex(
		(member) => member.teamId === teamId && member.userId === user.id,
	);
	if (index < 0) return false;
	memberships.splice(index, 1);
	const referenceIndex = user.teams.findIndex((reference) => reference.id === teamId);
	if (referenceIndex >= 0) user.teams.splice(referenceIndex, 1);
	return true;
}

/** include[]=contact_methods|notification_rules|teams returns those objects in full. */
export function renderUser(store: SandboxStore, request: RestRequest, user: User): unknown {
	const include = queryList(request, 'include[]') ?? [];
	if (include.length === 0) return user;
	const rendered: Record<string, unknown> = { ...user };
	if (include.includes('contact_methods')) {
		rendered.contact_methods = contactMethods(store).filter((method) =>
			user.contact_methods.some((reference) => reference.id === method.id),
		);
	}
	if (include.includes('teams')) {
		rendered.teams = user.teams.map((reference) => store.team(reference.id) ?? reference);
	}
	if (include.includes('notification_rules')) {
		rendered.notification_rules = user.notification_rules.map((reference) => ({
			...reference,
			type: reference.type.replace(/_reference$/, ''),
			start_delay_in_minutes: 0,
			urgency: 'high',
			contact_method: user.contact_methods[0],
		}));
	}
	return rendered;
}

export function existingUser(store: SandboxStore, id: string): User {
	const user = store.user(id);
	if (!user) throw notFound();
	return user;
}

function checkUserInput(store: SandboxStore, input: UserInput, self?: User): void {
	const errors: string[] = [];
	if (input.name !== undefined && input.name.trim() === '') errors.push("Name can't be blank");
	const owner = input.email ? store.userByEmail(input.email) : undefined;
	if (owner && owner.id !== self?.id) errors.push('Email has already been taken');
	if (input.role === 'owner' && self?.role !== 'owner') {
		errors.push('Role cannot be set to owner; transfer account ownership in the web app');
	}
	if (errors.length > 0) throw invalidInput(errors);
}

function applyUserInput(user: User, input: UserInput): void {
	if (input.name !== undefined) user.name = input.name;
	if (input.email !== undefined) user.email = input.email;
	if (input.role !== undefined) user.role = input.role;
	if (input.time_zone !== undefined) user.time_zone = input.time_zone;
	if (input.job_title !== undefined) user.job_title = input.job_title;
	if (input.color !== undefined) user.color = input.color;
	if (input.description !== undefined) user.description = input.description ?? '';
	user.summary = user.name;
}

function createUser(store: SandboxStore, input: UserInput): User {
	const id = store.ids.object();
	const contactId = store.ids.object();
	const user: User = {
		id,
		type: 'user',
		summary: '',
		self: `${API_BASE}/users/${id}`,
		html_url: `${store.webBase}/users/${id}`,
		name: '',
		email: '',
		time_zone: DEFAULT_TIME_ZONE,
		color: USER_COLORS[store.users.length % USER_COLORS.length],
		role: 'user',
		avatar_url: 'https://pd-static-assets.pagerduty.com/users/blank-avatar.png',
		description: '',
		invitation_sent: true,
		job_title: '',
		teams: [],
		contact_methods: [],
		notification_rules: [],
	};
	applyUserInput(user, input);
	// PagerDuty gives every new user an email contact method for their login address.
	const method: ContactMethod = {
		id: contactId,
		type: 'email_contact_method',
		summary: 'Default',
		self: `${API_BASE}/users/${id}/contact_methods/${contactId}`,
		html_url: null,
		label: 'Default',
		address: user.email,
		send_short_email: false,
		send_html_email: false,
	};
	contactMethods(store).push(method);
	const reference: Reference = {
		id: contactId,
		type: 'email_contact_method_reference',
		summary: method.summary,
		self: method.self,
		html_url: null,
	};
	user.contact_methods.push(reference);
	store.users.push(user);
	return user;
}

function deleteUser(store: SandboxStore, user: User): void {
	if (user.role === 'owner') throw invalidInput(['The account owner cannot be deleted']);
	const open = store.incidents.filter(
		(incident) =>
			incident.status !== 'resolved' &&
			incident.assignments.some((assignment) => assignment.assignee.id === user.id),
	);
	if (open.length > 0) {
		throw invalidInput([
			`User cannot be deleted as they have ${open.length} open incidents assigned; resolve or reassign them first`,
		]);
	}
	for (const team of user.teams.slice()) removeTeamMembership(store, team.id, user);
	const methods = contactMethods(store);
	for (let index = methods.length - 1; index >= 0; index--) {
		if (user.contact_methods.some((reference) => reference.id === methods[index].id))
			methods.splice(index, 1);
	}
	store.users.splice(store.users.indexOf(user), 1);
}

export const USER_HANDLERS: Record<string, RestHandler> = {
	'GET /users': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const users = store.users
			.filter((user) => matchesQuery(request, user.name, user.email))
			.filter((user) => !teamIds || user.teams.some((team) => teamIds.includes(team.id)))
			.sort((a, b) => a.name.localeCompare(b.name));
		return paginate(request, users, 'users', (user) => renderUser(store, request, user));
	},
	'GET /users/{id}': (store, request) => ({
		status: 200,
		body: { user: renderUser(store, request, existingUser(store, request.match.pathParams.id)) },
	}),
	'GET /users/me': (store, request) => {
		if (request.principal === 'account' || !request.actor)
			throw invalidInput([ACCOUNT_TOKEN_ME_ERROR]);
		return { status: 200, body: { user: renderUser(store, request, request.actor) } };
	},
	'POST /users': (store, request) => {
		const input = (request.match.body as { user: UserInput }).user;
		checkUserInput(store, input);
		return { status: 201, body: { user: createUser(store, input) } };
	},
	'PUT /users/{id}': (store, request) => {
		const user = existingUser(store, request.match.pathParams.id);
		const input = (request.match.body as { user: UserInput }).user;
		checkUserInput(store, input, user);
		applyUserInput(user, input);
		return { status: 200, body: { user } };
	},
	'DELETE /users/{id}': (store, request) => {
		deleteUser(store, existingUser(store, request.match.pathParams.id));
		return { status: 204, body: null };
	},
	'GET /users/{id}/contact_methods': (store, request) => {
		const user = existingUser(store, request.match.pathParams.id);
		const methods = contactMethods(store).filter((method) =>
			user.contact_methods.some((reference) => reference.id === method.id),
		);
		return { status: 200, body: { contact_methods: methods } };
	},
};
