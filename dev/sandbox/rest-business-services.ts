/**
 * Business services: what the business sees (a checkout, a mobile app), owned by a team and
 * supported by technical services. Names are required and unique, as PagerDuty has them; create
 * answers 200, not 201 (PagerDuty's own answer, the spec agrees).
 */
import { invalidInput, notFound } from './errors';
import { paginate, RestHandler, RestRequest } from './rest-common';
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
	const found = businessServices(store).find((candidate) => candidate.id === id);
	if (!found) throw notFound();
	return found;
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
		list.splice(list.indexOf(target), 1);
		return { status: 204, body: null };
	},
};
