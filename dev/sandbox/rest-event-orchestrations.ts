/**
 * Event orchestrations: a global orchestration's router sends each event to a service by the first
 * rule that matches (catch-all: a service or `unrouted`); global rules run before the router,
 * service rules after it. IDs are UUIDs; rule IDs are 8 hex digits. A router PUT replaces every
 * rule: given rule IDs are kept, new rules get new IDs, and `version` changes.
 */
import { invalidInput, notFound } from './errors';
import { paginate, queryList, queryValue, RestHandler, RestRequest } from './rest-common';
import { API_BASE, SandboxStore, Service } from './store';

interface ApiReference {
	id: string;
	type: string;
	self: string;
}

export interface RouterRule {
	id: string;
	label?: string;
	conditions: Array<{ expression: string }>;
	actions: {
		route_to?: string;
		dynamic_route_to?: { source?: string; regex?: string; lookup_by?: string };
	};
	disabled: boolean;
}

export interface OrchestrationPath {
	type: 'router' | 'global' | 'service';
	parent: ApiReference;
	self: string;
	sets: Array<{ id: string; rules: Array<Record<string, unknown>> }>;
	catch_all: { actions: Record<string, unknown> };
	created_at: string;
	created_by: ApiReference | null;
	updated_at: string;
	updated_by: ApiReference | null;
	version: string;
	[field: string]: unknown;
}

export interface EventOrchestration {
	id: string;
	self: string;
	name: string;
	description: string;
	team: ApiReference | null;
	integrations: Array<{
		id: string;
		label: string;
		parameters: { routing_key: string; type: 'global' };
	}>;
	routes: number;
	created_at: string;
	created_by: ApiReference | null;
	updated_at: string;
	updated_by: ApiReference | null;
	version: string;
}

export interface OrchestrationRecord {
	orchestration: EventOrchestration;
	router: OrchestrationPath;
	global: OrchestrationPath;
}

const apiReference = (id: string, type: string, collection: string): ApiReference => ({
	id,
	type,
	self: `${API_BASE}/${collection}/${id}`,
});

const ruleId = (store: SandboxStore) => store.random.hex(8);
const versionOf = (store: SandboxStore) =>
	store.random.chars(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_');

function path(
	store: SandboxStore,
	type: OrchestrationPath['type'],
	parent: ApiReference,
	self: string,
	rules: Array<Record<string, unknown>>,
	catchAll: Record<string, unknown>,
): OrchestrationPath {
	const at = store.nowIso();
	return {
		type,
		parent,
		self,
		sets: [{ id: 'start', rules }],
		catch_all: { actions: catchAll },
		created_at: at,
		created_by: null,
		updated_at: at,
		updated_by: null,
		version: versionOf(store),
	};
}

const routeRule = (store: SandboxStore, label: string, expression: string, service: Service) => ({
	id: ruleId(store),
	label,
	conditions: [{ expression }],
	actions: { route_to: service.id },
	disabled: false,
});

/** Three orchestrations (two owned by teams), each routing some events to seeded services. */
export const eventOrchestrations = (store: SandboxStore) =>
	store.collection<OrchestrationRecord>('eventOrchestrations', (seeded) => {
		const [web, checkout, payments, search, email] = seeded.services;
		const teamNamed = (name: string) => seeded.teams.find((team) => team.name === name);
		const specs: Array<
			[name: string, team: string | undefined, routes: Array<[string, string, Service]>]
		> = [
			[
				'Platform Monitoring',
				'Platform',
				[
					['Web errors', "event.source matches part 'web-'", web],
					['Search indexing', "event.custom_details.pipeline matches 'search'", search],
				],
			],
			[
				'Payments Monitoring',
				'Payments',
				[['Card processing', "event.source matches part 'pay-'", payments]],
			],
			[
				'Shared Infrastructure',
				undefined,
				[
					['Checkout API', "event.component matches 'checkout'", checkout],
					['Email delivery', "event.class matches 'smtp'", email],
				],
			],
		];
		return specs.map(([name, teamName, routes]) => {
			const id = seeded.ids.uuid();
			const team = teamName ? teamNamed(teamName) : undefined;
			const parent = apiReference(id, 'event_orchestration_reference', 'event_orchestrations');
			const at = seeded.nowIso();
			return {
				orchestration: {
					id,
					self: `${API_BASE}/event_orchestrations/${id}`,
					name,
					description: `Routes ${name.toLowerCase()} events to their services.`,
					team: team ? apiReference(team.id, 'team_reference', 'teams') : null,
					integrations: [
						{
							id: seeded.ids.uuid(),
							label: 'Default',
							parameters: { routing_key: `R0${seeded.random.hex(30)}`, type: 'global' },
						},
					],
					routes: routes.length,
					created_at: at,
					created_by: null,
					updated_at: at,
					updated_by: null,
					version: versionOf(seeded),
				},
				router: path(
					seeded,
					'router',
					parent,
					`${API_BASE}/event_orchestrations/${id}/router`,
					routes.map(([label, expression, service]) =>
						routeRule(seeded, label, expression, service),
					),
					{ route_to: 'unrouted' },
				),
				global: path(
					seeded,
					'global',
					parent,
					`${API_BASE}/event_orchestrations/${id}/global`,
					[
						{
							id: ruleId(seeded),
							label: 'Info events are low urgency',
							conditions: [{ expression: "event.severity matches 'info'" }],
							actions: { severity: 'info', annotate: 'Informational event' },
							disabled: false,
						},
					],
					{},
				),
			};
		});
	});

/** A service's own rules, made on first read (PagerDuty has one for every service). */
const serviceOrchestrations = (store: SandboxStore) =>
	store.collection<OrchestrationPath>('serviceOrchestrations');

function existingOrchestration(store: SandboxStore, request: RestRequest): OrchestrationRecord {
	const found = eventOrchestrations(store).find(
		(record) => record.orchestration.id === request.match.pathParams.id,
	);
	if (!found) throw notFound();
	return found;
}

const SORT_KEYS: Record<string, (record: OrchestrationRecord) => string | number> = {
	name: (record) => record.orchestration.name.toLowerCase(),
	routes: (record) => record.orchestration.routes,
	created_at: (record) => record.orchestration.created_at,
};

function sorted(request: RestRequest, records: OrchestrationRecord[]): OrchestrationRecord[] {
	const [field, direction] = (queryValue(request, 'sort_by') ?? 'name:asc').split(':');
	const key = SORT_KEYS[field];
	const sign = direction === 'desc' ? -1 : 1;
	return records.slice().sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}

interface RouterInput {
	sets?: Array<{ id?: string; rules?: Array<Partial<RouterRule>> }>;
	catch_all?: { actions?: { route_to?: string } };
}

/** The rules of a router PUT, checked as PagerDuty does; given IDs are kept, new rules get one. */
function routerRules(store: SandboxStore, input: RouterInput): RouterRule[] {
	const [set] = input.sets ?? [];
	if (set?.id !== 'start')
		throw invalidInput(["The router's only rule set must have the id 'start'"]);
	const routesTo = (serviceId: unknown, where: string) => {
		if (typeof serviceId !== 'string' || !store.service(serviceId))
			throw invalidInput([`${where}: route_to must be the ID of an existing service`]);
	};
	return (set.rules ?? []).map((rule, index) => {
		const where = `Rule ${index + 1}`;
		const actions = rule.actions ?? {};
		const conditions = rule.conditions ?? [];
		if (actions.dynamic_route_to) {
			if (index > 0)
				throw invalidInput([`${where}: dynamic_route_to is allowed in the first rule only`]);
			if (conditions.length > 0 || actions.route_to !== undefined)
				throw invalidInput([`${where}: a dynamic_route_to rule has no conditions and no route_to`]);
		} else {
			routesTo(actions.route_to, where);
		}
		return {
			id: rule.id ?? ruleId(store),
			...(rule.label !== undefined && { label: rule.label }),
			conditions,
			actions,
			disabled: rule.disabled ?? false,
		};
	});
}

function updateRouter(store: SandboxStore, request: RestRequest) {
	const record = existingOrchestration(store, request);
	const input = (request.match.body as { orchestration_path: RouterInput }).orchestration_path;
	const rules = routerRules(store, input);
	const catchAll = input.catch_all?.actions?.route_to ?? 'unrouted';
	if (catchAll !== 'unrouted' && !store.service(catchAll))
		throw invalidInput(["catch_all: route_to must be 'unrouted' or the ID of an existing service"]);
	const at = store.nowIso();
	const actor = request.actor && apiReference(request.actor.id, 'user_reference', 'users');
	Object.assign(record.router, {
		sets: [{ id: 'start', rules }],
		catch_all: { actions: { route_to: catchAll } },
		updated_at: at,
		updated_by: actor,
		version: versionOf(store),
	});
	Object.assign(record.orchestration, { routes: rules.length, updated_at: at, updated_by: actor });
	return { status: 200, body: { orchestration_path: record.router, warnings: [] } };
}

/** include[]=migrated_metadata: where the rules came from; the sandbox's were never migrated. */
const MIGRATED_METADATA = {
	migrated_at: null,
	migrated_by: null,
	migrated_from: null,
	migrated_status: null,
	migrated_via: null,
};

export const EVENT_ORCHESTRATION_HANDLERS: Record<string, RestHandler> = {
	// The list leaves out the description and the integrations (with their routing keys).
	'GET /event_orchestrations': (store, request) =>
		paginate(request, sorted(request, eventOrchestrations(store)), 'orchestrations', (record) =>
			Object.fromEntries(
				Object.entries(record.orchestration).filter(
					([field]) => !['description', 'integrations'].includes(field),
				),
			),
		),
	'GET /event_orchestrations/{id}': (store, request) => ({
		status: 200,
		body: { orchestration: existingOrchestration(store, request).orchestration },
	}),
	'GET /event_orchestrations/{id}/router': (store, request) => ({
		status: 200,
		body: { orchestration_path: existingOrchestration(store, request).router },
	}),
	'PUT /event_orchestrations/{id}/router': updateRouter,
	'GET /event_orchestrations/{id}/global': (store, request) => ({
		status: 200,
		body: { orchestration_path: existingOrchestration(store, request).global },
	}),
	'GET /event_orchestrations/services/{service_id}': (store, request) => {
		const service = store.service(request.match.pathParams.service_id);
		if (!service) throw notFound();
		const paths = serviceOrchestrations(store);
		let found = paths.find((candidate) => candidate.parent.id === service.id);
		if (!found) {
			found = path(
				store,
				'service',
				apiReference(service.id, 'service_reference', 'services'),
				`${API_BASE}/event_orchestrations/services/${service.id}`,
				[],
				{},
			);
			paths.push(found);
		}
		const migrated = queryList(request, 'include[]')?.includes('migrated_metadata');
		return {
			status: 200,
			body: { orchestration_path: migrated ? { ...found, ...MIGRATED_METADATA } : found },
		};
	},
};
