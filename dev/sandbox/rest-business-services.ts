/**
 * Business services: what the business sees (a checkout, a mobile app), owned by a team and
 * supported by technical services. Names are required and unique, as PagerDuty has them; create
 * answers 200, not 201 (PagerDuty's own answer, the spec agrees). Service dependencies link
 * technical and business services either way round.
 */
import { invalidInput, notFound } from './errors';
import { findById, paginate, RestHandler, RestRequest } from './rest-common';
import { API_BASE, SandboxStore, Team } from './store';

export interface BusinessService {
	id: string;
	type: 'business_service';
	summary: string;
	self: string;
	html_url: null;
	name: string;
	description: string;
	point_of_contact: string;
	team: { id: string; type: 'team_reference'; self: string } | null;
}

interface BusinessServiceInput {
	name?: string;
	description?: string;
	point_of_contact?: string;
	team?: { id?: string };
}

const teamReference = (team: Team): BusinessService['team'] => ({
	id: team.id,
	type: 'team_reference',
	self: team.self,
});

function build(store: SandboxStore, name: string): BusinessService {
	const id = store.ids.object();
	return {
		id,
		type: 'business_service',
		summary: name,
		self: `${API_BASE}/business_services/${id}`,
		html_url: null,
		name,
		description: '',
		point_of_contact: '',
		team: null,
	};
}

/** Three business services; the first belongs to the Payments team. */
export const businessServices = (store: SandboxStore) =>
	store.collection<BusinessService>('businessServices', (seeded) => {
		const payments = seeded.teams.find((team) => team.name === 'Payments');
		const specs: Array<[name: string, description: string, contact: string, team?: Team]> = [
			['Online Checkout', 'Customers pay for their orders.', 'Payments Lead', payments],
			['Customer Communications', 'Order and support emails reach customers.', 'Support Lead'],
			['Storefront', 'Customers browse and search the catalog.', 'Web Lead'],
		];
		return specs.map(([name, description, contact, team]) => ({
			...build(seeded, name),
			description,
			point_of_contact: contact,
			team: team ? teamReference(team) : null,
		}));
	});

export function existingBusinessService(store: SandboxStore, id: string): BusinessService {
	return findById(businessServices(store), id);
}

/** Applies the given fields; a name must be non-empty and not another business service's. */
function apply(store: SandboxStore, target: BusinessService, input: BusinessServiceInput): void {
	if (input.name !== undefined) {
		const name = input.name.trim();
		if (name === '') throw invalidInput(['Name cannot be empty']);
		const taken = businessServices(store).some(
			(other) => other.id !== target.id && other.name.toLowerCase() === name.toLowerCase(),
		);
		if (taken) throw invalidInput(['Name has already been taken']);
		target.name = name;
		target.summary = name;
	}
	if (input.description !== undefined) target.description = input.description;
	if (input.point_of_contact !== undefined) target.point_of_contact = input.point_of_contact;
	if (input.team !== undefined) {
		const team = input.team.id ? store.team(input.team.id) : undefined;
		if (!team) throw invalidInput(['Team not found']);
		target.team = teamReference(team);
	}
}

function bodyOf(request: RestRequest): BusinessServiceInput {
	const body = request.match.body as { business_service?: BusinessServiceInput } | undefined;
	if (!body?.business_service) throw invalidInput(['business_service is required']);
	return body.business_service;
}

// ----- service dependencies -----

type ServiceKind = 'technical' | 'business';

interface DependencyEnd {
	id: string;
	kind: ServiceKind;
}

export interface ServiceDependency {
	id: string;
	supporting: DependencyEnd;
	dependent: DependencyEnd;
}

interface DependencyInput {
	supporting_service?: { id?: string; type?: string };
	dependent_service?: { id?: string; type?: string };
}

/** Request types: the spec's example sends `service`/`business_service`; reference types are taken too. */
const KIND_OF_TYPE: Record<string, ServiceKind> = {
	service: 'technical',
	service_reference: 'technical',
	technical_service: 'technical',
	technical_service_reference: 'technical',
	business_service: 'business',
	business_service_reference: 'business',
};

/** PagerDuty's dependency IDs: 16 letters and digits starting with D, e.g. DQVP7E6G0E8AC3NR. */
const dependencyId = (store: SandboxStore) => `D${store.random.chars(15)}`;

/** The seeded dependencies: Checkout API and Payments Gateway support Online Checkout. */
export const serviceDependencies = (store: SandboxStore) =>
	store.collection<ServiceDependency>('serviceDependencies', (seeded) => {
		// A business service delete reads this list before it removes one, so [0] is the seeded one.
		const [checkout] = businessServices(seeded);
		const supporting = seeded.services.filter((service) =>
			['Checkout API', 'Payments Gateway'].includes(service.name),
		);
		return supporting.map((service) => ({
			id: dependencyId(seeded),
			supporting: { id: service.id, kind: 'technical' },
			dependent: { id: checkout.id, kind: 'business' },
		}));
	});

function dropDependenciesOf(store: SandboxStore, serviceId: string): void {
	const list = serviceDependencies(store);
	for (const dependency of list.filter((candidate) =>
		[candidate.supporting.id, candidate.dependent.id].includes(serviceId),
	))
		list.splice(list.indexOf(dependency), 1);
}

const exists = (store: SandboxStore, end: DependencyEnd) =>
	end.kind === 'technical'
		? store.service(end.id) !== undefined
		: businessServices(store).some((business) => business.id === end.id);

function endOf(store: SandboxStore, label: string, input?: { id?: string; type?: string }) {
	const kind = KIND_OF_TYPE[input?.type ?? ''];
	if (!input?.id || !kind)
		throw invalidInput([`${label} must have an id and a type of service or business_service`]);
	const end: DependencyEnd = { id: input.id, kind };
	if (!exists(store, end)) throw notFound();
	return end;
}

const sameEnd = (a: DependencyEnd, b: DependencyEnd) => a.id === b.id && a.kind === b.kind;

function renderDependency(dependency: ServiceDependency): unknown {
	const reference = (end: DependencyEnd) => ({ id: end.id, type: `${end.kind}_service_reference` });
	return {
		id: dependency.id,
		type: 'service_dependency',
		supporting_service: reference(dependency.supporting),
		dependent_service: reference(dependency.dependent),
	};
}

/** The relationships of a request body, checked as PagerDuty does; both ends must exist. */
function relationshipsOf(store: SandboxStore, request: RestRequest) {
	const body = request.match.body as { relationships?: DependencyInput[] } | undefined;
	const relationships = body?.relationships ?? [];
	if (relationships.length === 0) throw invalidInput(['relationships must not be empty']);
	return relationships.map((relationship) => {
		const supporting = endOf(store, 'supporting_service', relationship.supporting_service);
		const dependent = endOf(store, 'dependent_service', relationship.dependent_service);
		if (sameEnd(supporting, dependent)) throw invalidInput(['A service cannot depend on itself']);
		return { supporting, dependent };
	});
}

const findDependency = (store: SandboxStore, wanted: Omit<ServiceDependency, 'id'>) =>
	serviceDependencies(store).find(
		(candidate) =>
			sameEnd(candidate.supporting, wanted.supporting) &&
			sameEnd(candidate.dependent, wanted.dependent),
	);

/** The immediate dependencies of one service, on either side. */
const dependenciesOf =
	(kind: ServiceKind): RestHandler =>
	(store, request) => {
		const end: DependencyEnd = { id: request.match.pathParams.id, kind };
		if (!exists(store, end)) throw notFound();
		const relationships = serviceDependencies(store)
			.filter(
				(candidate) => sameEnd(candidate.supporting, end) || sameEnd(candidate.dependent, end),
			)
			.map(renderDependency);
		return { status: 200, body: { relationships } };
	};

export const SERVICE_DEPENDENCY_HANDLERS: Record<string, RestHandler> = {
	'GET /service_dependencies/technical_services/{id}': dependenciesOf('technical'),
	'GET /service_dependencies/business_services/{id}': dependenciesOf('business'),
	// A dependency that exists already is answered as it is (associating is idempotent).
	'POST /service_dependencies/associate': (store, request) => {
		const relationships = relationshipsOf(store, request).map((wanted) => {
			const found = findDependency(store, wanted);
			if (found) return found;
			const created = { id: dependencyId(store), ...wanted };
			serviceDependencies(store).push(created);
			return created;
		});
		return { status: 200, body: { relationships: relationships.map(renderDependency) } };
	},
	// Disassociating services that are not linked is a 404 in the sandbox (unverified with PagerDuty).
	'POST /service_dependencies/disassociate': (store, request) => {
		const removed = relationshipsOf(store, request).map((wanted) => {
			const found = findDependency(store, wanted);
			if (!found) throw notFound();
			return found;
		});
		const list = serviceDependencies(store);
		for (const dependency of removed) list.splice(list.indexOf(dependency), 1);
		return { status: 200, body: { relationships: removed.map(renderDependency) } };
	},
};

export const BUSINESS_SERVICE_HANDLERS: Record<string, RestHandler> = {
	'GET /business_services': (store, request) =>
		paginate(request, businessServices(store), 'business_services'),
	'POST /business_services': (store, request) => {
		const input = bodyOf(request);
		if (input.name === undefined) throw invalidInput(['Name cannot be empty']);
		const created = build(store, '');
		apply(store, created, input);
		businessServices(store).push(created);
		return { status: 200, body: { business_service: created } };
	},
	'GET /business_services/{id}': (store, request) => ({
		status: 200,
		body: { business_service: existingBusinessService(store, request.match.pathParams.id) },
	}),
	'PUT /business_services/{id}': (store, request) => {
		const target = existingBusinessService(store, request.match.pathParams.id);
		apply(store, target, bodyOf(request));
		return { status: 200, body: { business_service: target } };
	},
	'DELETE /business_services/{id}': (store, request) => {
		const target = existingBusinessService(store, request.match.pathParams.id);
		const list = businessServices(store);
		dropDependenciesOf(store, target.id);
		list.splice(list.indexOf(target), 1);
		return { status: 204, body: null };
	},
};
