/** Operation key ('GET /users/{id}') → handler, for every operation the sandbox serves. */
import { ACCOUNT_TOKEN_ME_ERROR, invalidInput, notFound } from './errors';
import { matchesQuery, paginate, queryList, queryValue, RestHandler, sortByName } from './rest-common';
import { filterLogEntries, INCIDENT_HANDLERS, renderLogEntry } from './rest-incidents';
import { EscalationPolicy, SandboxStore } from './store';

function byId<T>(find: (store: SandboxStore, id: string) => T | undefined, key: string): RestHandler {
	return (store, request) => {
		const entity = find(store, request.match.pathParams.id);
		if (!entity) throw notFound();
		return { status: 200, body: { [key]: entity } };
	};
}

function policyTargetsUser(store: SandboxStore, policy: EscalationPolicy, userIds: string[]): boolean {
	return policy.escalation_rules.some((rule) =>
		rule.targets.some((target) => {
			if (target.type === 'user_reference') return userIds.includes(target.id);
			const schedule = target.type === 'schedule_reference' ? store.schedule(target.id) : undefined;
			return schedule ? schedule.users.some((user) => userIds.includes(user.id)) : false;
		}),
	);
}

export const REST_HANDLERS: Record<string, RestHandler> = {
	...INCIDENT_HANDLERS,

	'GET /log_entries': (store, request) => {
		const entries = filterLogEntries(store, request, store.logEntries);
		const timeZone = queryValue(request, 'time_zone');
		return paginate(request, entries, 'log_entries', (entry) => renderLogEntry(entry, timeZone));
	},
	'GET /log_entries/{id}': (store, request) => {
		const entry = store.logEntry(request.match.pathParams.id);
		if (!entry) throw notFound();
		return { status: 200, body: { log_entry: renderLogEntry(entry, queryValue(request, 'time_zone')) } };
	},

	'GET /users': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const users = store.users
			.filter((user) => matchesQuery(request, user.name, user.email))
			.filter((user) => !teamIds || user.teams.some((team) => teamIds.includes(team.id)))
			.sort((a, b) => a.name.localeCompare(b.name));
		return paginate(request, users, 'users');
	},
	'GET /users/{id}': byId((store, id) => store.user(id), 'user'),
	'GET /users/me': (store, request) => {
		if (request.principal === 'account' || !request.actor) throw invalidInput([ACCOUNT_TOKEN_ME_ERROR]);
		return { status: 200, body: { user: request.actor } };
	},

	'GET /services': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const name = queryValue(request, 'name');
		const services = store.services
			.filter((service) => matchesQuery(request, service.name))
			.filter((service) => name === undefined || service.name === name)
			.filter((service) => !teamIds || service.teams.some((team) => teamIds.includes(team.id)));
		return paginate(request, sortByName(request, services), 'services');
	},
	'GET /services/{id}': byId((store, id) => store.service(id), 'service'),

	'GET /escalation_policies': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const userIds = queryList(request, 'user_ids[]');
		const policies = store.escalationPolicies
			.filter((policy) => matchesQuery(request, policy.name))
			.filter((policy) => !teamIds || policy.teams.some((team) => teamIds.includes(team.id)))
			.filter((policy) => !userIds || policyTargetsUser(store, policy, userIds));
		return paginate(request, sortByName(request, policies), 'escalation_policies');
	},
	'GET /escalation_policies/{id}': byId((store, id) => store.escalationPolicy(id), 'escalation_policy'),

	'GET /priorities': (store, request) => paginate(request, store.priorities, 'priorities'),
	'GET /abilities': (store) => ({ status: 200, body: { abilities: store.abilities } }),
	'GET /teams': (store, request) => {
		const teams = store.teams
			.filter((team) => matchesQuery(request, team.name))
			.sort((a, b) => a.name.localeCompare(b.name));
		return paginate(request, teams, 'teams');
	},
};
