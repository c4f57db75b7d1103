/**
 * Service integrations: how events reach a service. An Events API integration (v2 or v1) carries
 * an integration key, the routing key senders put in their events: the sandbox's Events API
 * (events.ts) looks keys up here, so an event sent with a new key opens an incident on that
 * service. The service keeps a reference to each of its integrations, as PagerDuty shows them.
 */
import { invalidInput, notFound } from './errors';
import { orNotFound, queryList, RestHandler, RestRequest } from './rest-common';
import { API_BASE, Reference, SandboxStore, Service } from './store';

/** The integration types whose integrations carry an integration key. */
const KEYED_TYPES = ['events_api_v2_inbound_integration', 'generic_events_api_inbound_integration'];
const EMAIL_TYPE = 'generic_email_inbound_integration';

/** The fields of an integration that a create or an update may set. */
const EMAIL_FIELDS = [
	'integration_email',
	'email_incident_creation',
	'email_filter_mode',
	'email_parsers',
	'email_parsing_fallback',
	'email_filters',
] as const;

export interface Integration extends Reference {
	name: string;
	service: Reference;
	created_at: string;
	vendor: Reference | { id: string; type: 'vendor_reference' } | null;
	integration_key?: string;
	integration_email?: string;
	[field: string]: unknown;
}

interface IntegrationInput {
	type?: string;
	name?: string;
	service?: { id: string };
	vendor?: { id: string; type: string };
	[field: string]: unknown;
}

/** Every integration of the account, on any service; none are seeded. */
export const integrations = (store: SandboxStore) => store.collection<Integration>('integrations');

/** The service an integration key routes events to, if an integration holds that key. */
export function serviceForIntegrationKey(store: SandboxStore, key: string): Service | undefined {
	const integration = integrations(store).find((candidate) => candidate.integration_key === key);
	return integration && store.service(integration.service.id);
}

function existingService(store: SandboxStore, request: RestRequest): Service {
	return orNotFound(store.service(request.match.pathParams.id));
}

function existingIntegration(store: SandboxStore, request: RestRequest): Integration {
	const service = existingService(store, request);
	const integration = integrations(store).find(
		(candidate) =>
			candidate.id === request.match.pathParams.integration_id &&
			candidate.service.id === service.id,
	);
	if (!integration) throw notFound();
	return integration;
}

const inputOf = (request: RestRequest) =>
	(request.match.body as { integration: IntegrationInput }).integration;

/** Sets name and the email fields given, once they pass; an email integration needs its address. */
function apply(store: SandboxStore, integration: Integration, input: IntegrationInput): void {
	if (input.name !== undefined && input.name.trim() === '')
		throw invalidInput(['Name cannot be empty']);
	const emailGiven = EMAIL_FIELDS.some((field) => input[field] !== undefined);
	if (integration.type !== EMAIL_TYPE && emailGiven)
		throw invalidInput(['Email settings apply to email integrations only']);
	if (
		integration.type === EMAIL_TYPE &&
		!(input.integration_email ?? integration.integration_email)
	)
		throw invalidInput(['Integration email is required for email integrations']);
	for (const field of EMAIL_FIELDS)
		if (input[field] !== undefined) (integration as Record<string, unknown>)[field] = input[field];
	if (input.name !== undefined) {
		integration.name = input.name;
		integration.summary = input.name;
		// The service's reference shows the integration's name.
		const service = store.service(integration.service.id);
		if (service)
			service.integrations = service.integrations.map((reference) =>
				reference.id === integration.id ? store.ref(integration) : reference,
			);
	}
}

/** include[]=services side-loads the whole service; vendors are not modelled (references stay). */
export function renderIntegration(
	store: SandboxStore,
	integration: Integration,
	include: string[] = [],
): unknown {
	if (!include.includes('services')) return integration;
	return { ...integration, service: store.service(integration.service.id) ?? integration.service };
}

export const INTEGRATION_HANDLERS: Record<string, RestHandler> = {
	'POST /services/{id}/integrations': (store, request) => {
		const service = existingService(store, request);
		const input = inputOf(request);
		if (!input.type) throw invalidInput(['Type is required']);
		if (input.name === undefined) throw invalidInput(['Name cannot be empty']);
		if (input.service && input.service.id !== service.id)
			throw invalidInput(['Service does not match the service in the path']);
		const id = store.ids.object();
		const integration: Integration = {
			id,
			type: input.type,
			summary: '',
			self: `${API_BASE}/services/${service.id}/integrations/${id}`,
			html_url: `${store.webBase}/services/${service.id}/integrations/${id}`,
			name: '',
			service: store.ref(service),
			created_at: store.nowIso(),
			vendor: input.vendor ? { id: input.vendor.id, type: 'vendor_reference' } : null,
			...(KEYED_TYPES.includes(input.type) && { integration_key: store.random.hex(32) }),
		};
		apply(store, integration, input);
		integrations(store).push(integration);
		service.integrations.push(store.ref(integration));
		return { status: 201, body: { integration } };
	},
	'GET /services/{id}/integrations/{integration_id}': (store, request) => ({
		status: 200,
		body: {
			integration: renderIntegration(
				store,
				existingIntegration(store, request),
				queryList(request, 'include[]'),
			),
		},
	}),
	// Fields left out stay; the type cannot change.
	'PUT /services/{id}/integrations/{integration_id}': (store, request) => {
		const integration = existingIntegration(store, request);
		const input = inputOf(request);
		if (input.type !== undefined && input.type !== integration.type)
			throw invalidInput(['The type of an integration cannot be changed']);
		apply(store, integration, input);
		return { status: 200, body: { integration } };
	},
};
