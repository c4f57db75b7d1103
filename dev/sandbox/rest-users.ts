/** Users, their contact methods and team memberships. Bodies were already contract-validated. */
import { ACCOUNT_TOKEN_ME_ERROR, invalidInput, missingAbility, notFound } from './errors';
import {
	findById,
	matchesQuery,
	orNotFound,
	paginate,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
} from './rest-common';
import { API_BASE, Reference, SandboxStore, Team, Urgency, User } from './store';

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
	enabled?: boolean;
	blacklisted?: boolean;
}

export interface NotificationRule {
	id: string;
	type: 'assignment_notification_rule';
	summary: string;
	self: string;
	html_url: null;
	start_delay_in_minutes: number;
	urgency: Urgency;
	contact_method: Reference;
	created_at: string;
}

/** A notification rule and the user it belongs to (PagerDuty's answers do not name the user). */
interface StoredNotificationRule {
	userId: string;
	rule: NotificationRule;
}

interface ContactMethodInput {
	type: string;
	label: string;
	address: string;
	country_code?: number;
	send_short_email?: boolean;
}

interface NotificationRuleInput {
	start_delay_in_minutes: number;
	urgency: Urgency;
	contact_method: { id: string; type: string };
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

/**
 * Every user's notification rules in full; users hold references. The seed gives each user one
 * rule: high urgency, at once, on their first contact method.
 */
export const notificationRules = (store: SandboxStore) =>
	store.collection<StoredNotificationRule>('notificationRules', (seeded) =>
		seeded.users.flatMap((user) =>
			user.notification_rules.map((reference) => ({
				userId: user.id,
				rule: {
					id: reference.id,
					type: 'assignment_notification_rule' as const,
					summary: reference.summary,
					self: reference.self,
					html_url: null,
					start_delay_in_minutes: 0,
					urgency: 'high' as const,
					contact_method: user.contact_methods[0],
					created_at: seeded.nowIso(),
				},
			})),
		),
	);

const rulesOf = (store: SandboxStore, user: User) =>
	notificationRules(store)
		.filter((stored) => stored.userId === user.id)
		.map((stored) => stored.rule);

const methodsOf = (store: SandboxStore, user: User) =>
	contactMethods(store).filter((method) =>
		user.contact_methods.some((reference) => reference.id === method.id),
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
	if (include.includes('contact_methods')) rendered.contact_methods = methodsOf(store, user);
	if (include.includes('teams')) {
		rendered.teams = user.teams.map((reference) => store.team(reference.id) ?? reference);
	}
	if (include.includes('notification_rules')) rendered.notification_rules = rulesOf(store, user);
	return rendered;
}

export function existingUser(store: SandboxStore, id: string): User {
	return orNotFound(store.user(id));
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

const PHONE_TYPES = ['phone_contact_method', 'sms_contact_method', 'whatsapp_contact_method'];
const PHONE_DIGITS = /^\d{4,15}$/;
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** PagerDuty's own checks of a new contact method; the contract has checked its shape. */
function checkContactMethod(store: SandboxStore, user: User, input: ContactMethodInput): void {
	const errors: string[] = [];
	if (input.type === 'push_notification_contact_method')
		errors.push("Push notification contact methods are added by PagerDuty's mobile app");
	if (input.label.trim() === '') errors.push("Label can't be blank");
	if (input.type === 'email_contact_method' && !EMAIL_ADDRESS.test(input.address))
		errors.push('Address is not a valid email address');
	if (PHONE_TYPES.includes(input.type)) {
		if (!PHONE_DIGITS.test(input.address))
			errors.push('Address must be a phone number of 4 to 15 digits without the country code');
		if (input.country_code === undefined) errors.push("Country code can't be blank");
	}
	const taken = methodsOf(store, user).some(
		(method) =>
			method.type === input.type &&
			method.address.toLowerCase() === input.address.toLowerCase() &&
			method.country_code === input.country_code,
	);
	if (taken) errors.push('Address has already been taken');
	if (errors.length > 0) throw invalidInput(errors);
}

function createContactMethod(
	store: SandboxStore,
	user: User,
	input: ContactMethodInput,
): ContactMethod {
	checkContactMethod(store, user, input);
	const id = store.ids.object();
	const method: ContactMethod = {
		id,
		type: input.type,
		summary: input.label,
		self: `${API_BASE}/users/${user.id}/contact_methods/${id}`,
		html_url: null,
		label: input.label,
		address: input.address,
		enabled: true,
		...(input.type === 'email_contact_method'
			? { send_short_email: input.send_short_email ?? false, send_html_email: false }
			: { country_code: input.country_code, blacklisted: false }),
	};
	contactMethods(store).push(method);
	user.contact_methods.push({
		id,
		type: `${method.type}_reference`,
		summary: method.summary,
		self: method.self,
		html_url: null,
	});
	return method;
}

function userContactMethod(store: SandboxStore, user: User, id: string): ContactMethod {
	return findById(methodsOf(store, user), id);
}

function removeReference(references: Reference[], id: string): void {
	const index = references.findIndex((reference) => reference.id === id);
	if (index >= 0) references.splice(index, 1);
}

function deleteNotificationRule(store: SandboxStore, user: User, id: string): void {
	const rules = notificationRules(store);
	const index = rules.findIndex((stored) => stored.userId === user.id && stored.rule.id === id);
	if (index < 0) throw notFound();
	rules.splice(index, 1);
	removeReference(user.notification_rules, id);
}

/** Deleting a contact method also deletes the notification rules that use it. */
function deleteContactMethod(store: SandboxStore, user: User, id: string): void {
	const method = userContactMethod(store, user, id);
	for (const rule of rulesOf(store, user).filter((rule) => rule.contact_method.id === id))
		deleteNotificationRule(store, user, rule.id);
	const methods = contactMethods(store);
	methods.splice(methods.indexOf(method), 1);
	removeReference(user.contact_methods, id);
}

/**
 * A rule notifies on one of the user's own contact methods, named by a reference whose type is
 * the method's type + `_reference`; low urgency needs the `urgencies` ability.
 */
function createNotificationRule(
	store: SandboxStore,
	user: User,
	input: NotificationRuleInput,
): NotificationRule {
	const method = methodsOf(store, user).find(
		(candidate) => candidate.id === input.contact_method.id,
	);
	if (!method) throw invalidInput(["Contact method must be one of the user's contact methods"]);
	if (input.contact_method.type !== `${method.type}_reference`)
		throw invalidInput([`Contact method type must be ${method.type}_reference`]);
	if (input.urgency === 'low' && !store.abilities.includes('urgencies'))
		throw missingAbility('urgencies');
	const id = store.ids.object();
	const rule: NotificationRule = {
		id,
		type: 'assignment_notification_rule',
		summary: `${input.start_delay_in_minutes} minutes: channel ${method.id}`,
		self: `${API_BASE}/users/${user.id}/notification_rules/${id}`,
		html_url: null,
		start_delay_in_minutes: input.start_delay_in_minutes,
		urgency: input.urgency,
		contact_method: user.contact_methods.find((reference) => reference.id === method.id)!,
		created_at: store.nowIso(),
	};
	notificationRules(store).push({ userId: user.id, rule });
	user.notification_rules.push({
		id,
		type: 'assignment_notification_rule_reference',
		summary: rule.summary,
		self: rule.self,
		html_url: null,
	});
	return rule;
}

/** urgency= high (PagerDuty's default), low or all; include[]=contact_methods gives them in full. */
function listNotificationRules(store: SandboxStore, request: RestRequest, user: User): unknown[] {
	const urgency = queryValue(request, 'urgency') ?? 'high';
	const full = queryList(request, 'include[]')?.includes('contact_methods') === true;
	return rulesOf(store, user)
		.filter((rule) => urgency === 'all' || rule.urgency === urgency)
		.map((rule) =>
			full
				? { ...rule, contact_method: userContactMethod(store, user, rule.contact_method.id) }
				: rule,
		);
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
		return { status: 200, body: { contact_methods: methodsOf(store, user) } };
	},
	'POST /users/{id}/contact_methods': (store, request) => {
		const user = existingUser(store, request.match.pathParams.id);
		const input = (request.match.body as { contact_method: ContactMethodInput }).contact_method;
		return { status: 201, body: { contact_method: createContactMethod(store, user, input) } };
	},
	'GET /users/{id}/contact_methods/{contact_method_id}': (store, request) => {
		const { id, contact_method_id: methodId } = request.match.pathParams;
		const method = userContactMethod(store, existingUser(store, id), methodId);
		return { status: 200, body: { contact_method: method } };
	},
	'DELETE /users/{id}/contact_methods/{contact_method_id}': (store, request) => {
		const { id, contact_method_id: methodId } = request.match.pathParams;
		deleteContactMethod(store, existingUser(store, id), methodId);
		return { status: 204, body: null };
	},
	'GET /users/{id}/notification_rules': (store, request) => {
		const user = existingUser(store, request.match.pathParams.id);
		return {
			status: 200,
			body: { notification_rules: listNotificationRules(store, request, user) },
		};
	},
	'POST /users/{id}/notification_rules': (store, request) => {
		const user = existingUser(store, request.match.pathParams.id);
		const input = (request.match.body as { notification_rule: NotificationRuleInput })
			.notification_rule;
		return {
			status: 201,
			body: { notification_rule: createNotificationRule(store, user, input) },
		};
	},
	'DELETE /users/{id}/notification_rules/{notification_rule_id}': (store, request) => {
		const { id, notification_rule_id: ruleId } = request.match.pathParams;
		deleteNotificationRule(store, existingUser(store, id), ruleId);
		return { status: 204, body: null };
	},
};
