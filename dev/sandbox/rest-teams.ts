/** Teams, their members and escalation policies, and the account's priorities. */
import { invalidInput, notFound } from './errors';
import {
	matchesQuery,
	orNotFound,
	paginate,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
} from './rest-common';
import {
	existingUser,
	removeTeamMembership,
	setTeamMembership,
	TeamRole,
	teamMemberships,
} from './rest-users';
import { API_BASE, Reference, SandboxStore, Team } from './store';

interface TeamInput {
	name: string;
	description?: string;
	default_role?: 'manager' | 'none';
}

function existingTeam(store: SandboxStore, id: string): Team {
	return orNotFound(store.team(id));
}

function checkUniqueName(store: SandboxStore, name: string, self?: Team): void {
	if (name.trim() === '') throw invalidInput(["Name can't be blank"]);
	const clash = store.teams.find(
		(team) => team.name.toLowerCase() === name.trim().toLowerCase() && team.id !== self?.id,
	);
	if (clash) throw invalidInput(['Name has already been taken']);
}

/** Swaps (or, without a replacement, drops) a team reference in every list that holds one. */
function replaceTeamReference(
	store: SandboxStore,
	teamId: string,
	replacement: Reference | undefined,
): void {
	const owners = [...store.escalationPolicies, ...store.services, ...store.schedules];
	for (const owner of owners) {
		const index = owner.teams.findIndex((reference) => reference.id === teamId);
		if (index < 0) continue;
		if (replacement && !owner.teams.some((reference) => reference.id === replacement.id)) {
			owner.teams.splice(index, 1, replacement);
		} else {
			owner.teams.splice(index, 1);
		}
	}
}

function renderMember(
	store: SandboxStore,
	request: RestRequest,
	userId: string,
	role: TeamRole,
): unknown {
	const user = store.user(userId);
	const withUsers = (queryList(request, 'include[]') ?? []).includes('users');
	return { user: user && (withUsers ? user : store.ref(user)), role };
}

const TEAM_HANDLERS_BY_ID: Record<string, RestHandler> = {
	'GET /teams/{id}': (store, request) => ({
		status: 200,
		body: { team: existingTeam(store, request.match.pathParams.id) },
	}),
	'PUT /teams/{id}': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const input = (request.match.body as { team: TeamInput }).team;
		checkUniqueName(store, input.name, team);
		team.name = input.name.trim();
		team.summary = team.name;
		if (input.description !== undefined) team.description = input.description;
		if (input.default_role !== undefined) team.default_role = input.default_role;
		return { status: 200, body: { team } };
	},
	'DELETE /teams/{id}': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const reassignmentId = queryValue(request, 'reassignment_team');
		const reassignment = reassignmentId === undefined ? undefined : store.team(reassignmentId);
		if (reassignmentId !== undefined && (!reassignment || reassignment.id === team.id)) {
			throw invalidInput(['Reassignment team must be another existing team']);
		}
		replaceTeamReference(store, team.id, reassignment && store.ref(reassignment));
		for (const user of store.users) removeTeamMembership(store, team.id, user);
		store.teams.splice(store.teams.indexOf(team), 1);
		return { status: 204, body: null };
	},
	'GET /teams/{id}/members': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const members = teamMemberships(store).filter((member) => member.teamId === team.id);
		return paginate(request, members, 'members', (member) =>
			renderMember(store, request, member.userId, member.role),
		);
	},
	'PUT /teams/{id}/users/{user_id}': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const user = existingUser(store, request.match.pathParams.user_id);
		const role = (request.match.body as { role?: TeamRole } | undefined)?.role;
		setTeamMembership(
			store,
			team,
			user,
			role ?? (team.default_role === 'manager' ? 'manager' : 'responder'),
		);
		return { status: 204, body: null };
	},
	'DELETE /teams/{id}/users/{user_id}': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const user = existingUser(store, request.match.pathParams.user_id);
		if (!removeTeamMembership(store, team.id, user)) throw notFound();
		return { status: 204, body: null };
	},
	'PUT /teams/{id}/escalation_policies/{escalation_policy_id}': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const policy = store.escalationPolicy(request.match.pathParams.escalation_policy_id);
		if (!policy) throw notFound();
		if (!policy.teams.some((reference) => reference.id === team.id))
			policy.teams.push(store.ref(team));
		return { status: 204, body: null };
	},
	'DELETE /teams/{id}/escalation_policies/{escalation_policy_id}': (store, request) => {
		const team = existingTeam(store, request.match.pathParams.id);
		const policy = store.escalationPolicy(request.match.pathParams.escalation_policy_id);
		const index = policy ? policy.teams.findIndex((reference) => reference.id === team.id) : -1;
		if (!policy || index < 0) throw notFound();
		policy.teams.splice(index, 1);
		return { status: 204, body: null };
	},
};

export const TEAM_HANDLERS: Record<string, RestHandler> = {
	'GET /teams': (store, request) => {
		const teams = store.teams
			.filter((team) => matchesQuery(request, team.name))
			.sort((a, b) => a.name.localeCompare(b.name));
		return paginate(request, teams, 'teams');
	},
	'POST /teams': (store, request) => {
		const input = (request.match.body as { team: TeamInput }).team;
		checkUniqueName(store, input.name);
		const id = store.ids.object();
		const name = input.name.trim();
		const team: Team = {
			id,
			type: 'team',
			summary: name,
			self: `${API_BASE}/teams/${id}`,
			html_url: `${store.webBase}/teams/${id}`,
			name,
			description: input.description ?? '',
			default_role: input.default_role ?? 'manager',
			parent: null,
		};
		store.teams.push(team);
		return { status: 201, body: { team } };
	},
	...TEAM_HANDLERS_BY_ID,

	// Priorities are account settings (Standard and Enterprise plans), listed in PagerDuty's order.
	'GET /priorities': (store, request) => paginate(request, store.priorities, 'priorities'),
};
