/** Service operations. Bodies were already contract-validated; these checks are PagerDuty's own. */
import { invalidInput } from './errors';
import {
	matchesQuery,
	orNotFound,
	paginate,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
	sortByName,
} from './rest-common';
import { integrations } from './rest-integrations';
import { API_BASE, EscalationPolicy, Reference, SandboxStore, Service, Urgency } from './store';

interface ServiceInput {
	name?: string;
	description?: string;
	escalation_policy?: { id?: string };
	auto_resolve_timeout?: number | null;
	acknowledgement_timeout?: number | null;
	status?: string;
	incident_urgency_rule?: { type?: string; urgency?: string };
	alert_creation?: string;
}

const NAME_TAKEN = 'Name has already been taken';

export function findService(store: SandboxStore, request: RestRequest): Service {
	return orNotFound(store.service(request.match.pathParams.id));
}

function lookupPolicy(store: SandboxStore, input: { id?: string } | undefined): EscalationPolicy {
	const policy = input?.id ? store.escalationPolicy(input.id) : undefined;
	if (!policy) throw invalidInput(['Escalation policy not found']);
	return policy;
}

const withoutRef = (refs: Reference[], id: string) => refs.filter((ref) => ref.id !== id);

/** Moves the service to a policy, keeping both policies' service lists and the service's teams in step. */
function assignPolicy(store: SandboxStore, service: Service, policy: EscalationPolicy): void {
	const previous = store.escalationPolicy(service.escalation_policy?.id);
	if (previous) previous.services = withoutRef(previous.services, service.id);
	service.escalation_policy = store.ref(policy);
	service.teams = policy.teams.slice();
	policy.services = withoutRef(policy.services, service.id).concat(store.ref(service));
}

function checkName(store: SandboxStore, name: string, exceptId?: string): string {
	const trimmed = name.trim();
	if (trimmed === '') throw invalidInput(['Name cannot be empty.']);
	const taken = store.services.some(
		(other) => other.id !== exceptId && other.name.toLowerCase() === trimmed.toLowerCase(),
	);
	if (taken) throw invalidInput([NAME_TAKEN]);
	return trimmed;
}

/** 0 and null both turn a timeout off, which PagerDuty then shows as null. */
function checkTimeout(label: string, value: number | null | undefined): number | null | undefined {
	if (value !== undefined && value !== null && value < 0)
		throw invalidInput([`${label} must not be negative`]);
	return value === 0 ? null : value;
}

function applyFields(store: SandboxStore, service: Service, input: ServiceInput): void {
	if (input.name !== undefined) {
		service.name = checkName(store, input.name, service.id);
		service.summary = service.name;
	}
	if (input.description !== undefined) service.description = input.description;
	const autoResolve = checkTimeout('Auto resolve timeout', input.auto_resolve_timeout);
	if (autoResolve !== undefined) service.auto_resolve_timeout = autoResolve;
	const acknowledgement = checkTimeout('Acknowledgement timeout', input.acknowledgement_timeout);
	if (acknowledgement !== undefined) service.acknowledgement_timeout = acknowledgement;
	if (input.status !== undefined) service.status = input.status;
	if (input.alert_creation !== undefined) service.alert_creation = input.alert_creation;
	if (input.incident_urgency_rule) {
		service.incident_urgency_rule = {
			type: input.incident_urgency_rule.type ?? 'constant',
			urgency: (input.incident_urgency_rule.urgency ?? 'high') as Urgency,
		};
	}
}

/** include[]=escalation_policies|teams|integrations side-loads the referenced objects in place of references. */
function renderService(
	store: SandboxStore,
	service: Service,
	include: string[] | undefined,
): unknown {
	if (!include) return service;
	return {
		...service,
		...(include.includes('escalation_policies') && {
			escalation_policy:
				store.escalationPolicy(service.escalation_policy.id) ?? service.escalation_policy,
		}),
		...(include.includes('teams') && {
			teams: service.teams.map((team) => store.team(team.id) ?? team),
		}),
		...(include.includes('integrations') && {
			integrations: service.integrations.map(
				(reference) =>
					integrations(store).find((integration) => integration.id === reference.id) ?? reference,
			),
		}),
	};
}

const createService: RestHandler = (store, request) => {
	const input = (request.match.body as { service: ServiceInput }).service;
	const policy = lookupPolicy(store, input.escalation_policy);
	const id = store.ids.object();
	const at = store.nowIso();
	const service: Service = {
		id,
		type: 'service',
		summary: '',
		self: `${API_BASE}/services/${id}`,
		html_url: `${store.webBase}/service-directory/${id}`,
		name: '',
		description: '',
		auto_resolve_timeout: 14400,
		acknowledgement_timeout: 1800,
		created_at: at,
		updated_at: at,
		status: 'active',
		last_incident_timestamp: null,
		escalation_policy: store.ref(policy),
		teams: [],
		integrations: [],
		incident_urgency_rule: { type: 'constant', urgency: 'high' },
		support_hours: null,
		scheduled_actions: [],
		alert_creation: 'create_alerts_and_incidents',
		alert_grouping_parameters: { type: null },
		auto_pause_notifications_parameters: { enabled: false, timeout: null },
	};
	applyFields(store, service, { ...input, name: input.name ?? '' });
	assignPolicy(store, service, policy);
	store.services.push(service);
	return { status: 201, body: { service } };
};

const updateService: RestHandler = (store, request) => {
	const service = findService(store, request);
	const input = (request.match.body as { service: ServiceInput }).service;
	const policy = lookupPolicy(store, input.escalation_policy);
	applyFields(store, service, input);
	if (policy.id !== service.escalation_policy.id) assignPolicy(store, service, policy);
	service.updated_at = store.nowIso();
	return { status: 200, body: { service } };
};

const deleteService: RestHandler = (store, request) => {
	const service = findService(store, request);
	const policy = store.escalationPolicy(service.escalation_policy.id);
	if (policy) policy.services = withoutRef(policy.services, service.id);
	store.services.splice(store.services.indexOf(service), 1);
	return { status: 204, body: null };
};

export const SERVICE_HANDLERS: Record<string, RestHandler> = {
	'GET /services': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const name = queryValue(request, 'name');
		const include = queryList(request, 'include[]');
		const services = store.services
			.filter((service) => matchesQuery(request, service.name))
			.filter((service) => name === undefined || service.name === name)
			.filter((service) => !teamIds || service.teams.some((team) => teamIds.includes(team.id)));
		return paginate(request, sortByName(request, services), 'services', (service) =>
			renderService(store, service, include),
		);
	},
	'GET /services/{id}': (store, request) => ({
		status: 200,
		body: {
			service: renderService(store, findService(store, request), queryList(request, 'include[]')),
		},
	}),
	'POST /services': createService,
	'PUT /services/{id}': updateService,
	'DELETE /services/{id}': deleteService,
};
