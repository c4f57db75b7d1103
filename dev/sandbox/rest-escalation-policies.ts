/** Escalation policy operations. PUT replaces the policy, as PagerDuty's does. */
import { invalidInput } from './errors';
import {
	matchesQuery,
	orNotFound,
	paginate,
	queryList,
	RestHandler,
	RestRequest,
	sortByName,
} from './rest-common';
import { API_BASE, EscalationPolicy, EscalationRule, Reference, SandboxStore } from './store';

interface TargetInput {
	id: string;
	type: string;
}

interface PolicyInput {
	name: string;
	description?: string;
	num_loops?: number;
	on_call_handoff_notifications?: string;
	escalation_rules: Array<{
		id?: string;
		escalation_delay_in_minutes: number;
		targets: TargetInput[];
		escalation_rule_assignment_strategy?: string;
	}>;
	teams?: TargetInput[];
}

const MAX_LOOPS = 9;

function findPolicy(store: SandboxStore, request: RestRequest): EscalationPolicy {
	return orNotFound(store.escalationPolicy(request.match.pathParams.id));
}

function policyTargetsUser(
	store: SandboxStore,
	policy: EscalationPolicy,
	userIds: string[],
): boolean {
	return policy.escalation_rules.some((rule) =>
		rule.targets.some((target) => {
			if (target.type === 'user_reference') return userIds.includes(target.id);
			const schedule = target.type === 'schedule_reference' ? store.schedule(target.id) : undefined;
			return schedule ? schedule.users.some((user) => userIds.includes(user.id)) : false;
		}),
	);
}

function resolveTarget(store: SandboxStore, target: TargetInput): Reference {
	const entity = target.type.startsWith('schedule')
		? store.schedule(target.id)
		: store.user(target.id);
	if (!entity)
		throw invalidInput([`Escalation rule target ${target.id} (${target.type}) was not found`]);
	return store.ref(entity);
}

/** Checks the whole input against PagerDuty's rules and the account, then builds the fields. */
function readPolicy(store: SandboxStore, input: PolicyInput, exceptId?: string) {
	const name = input.name.trim();
	if (name === '') throw invalidInput(['Name cannot be empty.']);
	if (
		store.escalationPolicies.some(
			(other) => other.id !== exceptId && other.name.toLowerCase() === name.toLowerCase(),
		)
	) {
		throw invalidInput(['Name has already been taken']);
	}
	if (input.escalation_rules.length === 0)
		throw invalidInput(['Escalation policy must have at least one escalation rule']);
	const numLoops = input.num_loops ?? 0;
	if (numLoops > MAX_LOOPS)
		throw invalidInput([`Number of loops must be between 0 and ${MAX_LOOPS}`]);
	const rules: EscalationRule[] = input.escalation_rules.map((rule) => {
		if (rule.escalation_delay_in_minutes < 1)
			throw invalidInput(['Escalation delay must be at least 1 minute']);
		return {
			id: rule.id ?? store.ids.object(),
			escalation_delay_in_minutes: rule.escalation_delay_in_minutes,
			targets: rule.targets.map((target) => resolveTarget(store, target)),
			escalation_rule_assignment_strategy: {
				type: rule.escalation_rule_assignment_strategy ?? 'assign_to_everyone',
			},
		};
	});
	const teams = (input.teams ?? []).map((team) => {
		const found = store.team(team.id);
		if (!found) throw invalidInput([`Team ${team.id} was not found`]);
		return store.ref(found);
	});
	return {
		name,
		description: input.description ?? '',
		num_loops: numLoops,
		on_call_handoff_notifications: input.on_call_handoff_notifications ?? 'if_has_services',
		escalation_rules: rules,
		teams,
	};
}

const scheduleIdsOf = (policy: EscalationPolicy) =>
	policy.escalation_rules.flatMap((rule) =>
		rule.targets
			.filter((target) => target.type === 'schedule_reference')
			.map((target) => target.id),
	);

/** Keeps each schedule's list of escalation policies in step with the policy's rules. */
function linkSchedules(store: SandboxStore, policy: EscalationPolicy, linked: boolean): void {
	const ids = scheduleIdsOf(policy);
	for (const schedule of store.schedules) {
		const others = schedule.escalation_policies.filter((ref) => ref.id !== policy.id);
		schedule.escalation_policies =
			linked && ids.includes(schedule.id) ? others.concat(store.ref(policy)) : others;
	}
}

function renderPolicy(
	store: SandboxStore,
	policy: EscalationPolicy,
	include: string[] | undefined,
): unknown {
	if (!include) return policy;
	return {
		...policy,
		...(include.includes('services') && {
			services: policy.services.map((ref) => store.service(ref.id) ?? ref),
		}),
		...(include.includes('teams') && {
			teams: policy.teams.map((ref) => store.team(ref.id) ?? ref),
		}),
		...(include.includes('targets') && {
			escalation_rules: policy.escalation_rules.map((rule) => ({
				...rule,
				targets: rule.targets.map(
					(ref) =>
						(ref.type === 'schedule_reference' ? store.schedule(ref.id) : store.user(ref.id)) ??
						ref,
				),
			})),
		}),
	};
}

const createPolicy: RestHandler = (store, request) => {
	const input = (request.match.body as { escalation_policy: PolicyInput }).escalation_policy;
	const fields = readPolicy(store, input);
	const id = store.ids.object();
	const policy: EscalationPolicy = {
		id,
		type: 'escalation_policy',
		summary: fields.name,
		self: `${API_BASE}/escalation_policies/${id}`,
		html_url: `${store.webBase}/escalation_policies/${id}`,
		...fields,
		services: [],
	};
	store.escalationPolicies.push(policy);
	linkSchedules(store, policy, true);
	return { status: 201, body: { escalation_policy: policy } };
};

const updatePolicy: RestHandler = (store, request) => {
	const policy = findPolicy(store, request);
	const input = (request.match.body as { escalation_policy: PolicyInput }).escalation_policy;
	Object.assign(policy, readPolicy(store, input, policy.id));
	policy.summary = policy.name;
	linkSchedules(store, policy, true);
	return { status: 200, body: { escalation_policy: policy } };
};

const deletePolicy: RestHandler = (store, request) => {
	const policy = findPolicy(store, request);
	if (store.services.some((service) => service.escalation_policy.id === policy.id)) {
		throw invalidInput([
			'This escalation policy is in use by one or more services and cannot be deleted.',
		]);
	}
	linkSchedules(store, policy, false);
	store.escalationPolicies.splice(store.escalationPolicies.indexOf(policy), 1);
	return { status: 204, body: null };
};

export const ESCALATION_POLICY_HANDLERS: Record<string, RestHandler> = {
	'GET /escalation_policies': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const userIds = queryList(request, 'user_ids[]');
		const include = queryList(request, 'include[]');
		const policies = store.escalationPolicies
			.filter((policy) => matchesQuery(request, policy.name))
			.filter((policy) => !teamIds || policy.teams.some((team) => teamIds.includes(team.id)))
			.filter((policy) => !userIds || policyTargetsUser(store, policy, userIds));
		return paginate(request, sortByName(request, policies), 'escalation_policies', (policy) =>
			renderPolicy(store, policy, include),
		);
	},
	'GET /escalation_policies/{id}': (store, request) => ({
		status: 200,
		body: {
			escalation_policy: renderPolicy(
				store,
				findPolicy(store, request),
				queryList(request, 'include[]'),
			),
		},
	}),
	'POST /escalation_policies': createPolicy,
	'PUT /escalation_policies/{id}': updatePolicy,
	'DELETE /escalation_policies/{id}': deletePolicy,
};
