/**
 * Change events (deploys, config changes) as the REST API lists them: newest first, UTC
 * timestamps. since/until must be UTC; the contract refuses other offsets with a 400. Events API
 * change events (POST /v2/change/enqueue) land here too, in this one shape, without their routing key.
 */
import { notFound } from './errors';
import { Random } from './random';
import {
	findById,
	paginate,
	parseTime,
	queryList,
	RestHandler,
	RestRequest,
	RestResponse,
} from './rest-common';
import { isoSeconds } from './seed';
import { API_BASE, Reference, SandboxStore, Service } from './store';

export interface ChangeEvent {
	id: string;
	type: 'change_event';
	summary: string;
	timestamp: string;
	source: string | null;
	integration: Reference;
	services: Reference[];
	custom_details: Record<string, unknown>;
	links: Array<{ href: string; text?: string }>;
}

/** What an Events API change event carries into the REST list. */
export interface ChangeEventInput {
	summary: string;
	source?: string;
	/** Any date-time the Events contract accepts; stored in UTC. Default: now. */
	timestamp?: string;
	custom_details?: Record<string, unknown>;
	links?: Array<{ href: string; text?: string }>;
}

const SEED_EVENTS = 40;
const SEED_SPREAD_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const CHANGES = [
	'Deploy {build}: bump dependency versions',
	'Deploy {build}: feature flag rollout to 50%',
	'Config change: raise connection pool size',
	'Deploy {build}: fix retry storm on timeouts',
	'Infrastructure: scale node group to 12 instances',
];

/** Each service's change integration (what sends its change events). */
function integrationOf(service: Service): Reference {
	const id = `PI${service.id.slice(1)}`;
	return {
		id,
		type: 'inbound_integration_reference',
		summary: `${service.name} deploys`,
		self: `${API_BASE}/services/${service.id}/integrations/${id}`,
		html_url: `${service.html_url}/integrations/${id}`,
	};
}

/** Forty events across the last 30 days, newest first, on the seeded services. */
export const changeEvents = (store: SandboxStore) =>
	store.collection<ChangeEvent>('changeEvents', (seeded) => {
		const now = seeded.nowMs();
		// Their own generator, so listing change events never shifts the IDs the store hands out next.
		const random = new Random(20240701);
		const events = Array.from({ length: SEED_EVENTS }, (_, index) => {
			const service = random.pick(seeded.services);
			const build = 1000 + index;
			const summary = random.pick(CHANGES).replace('{build}', `#${build}`);
			const at = now - 60_000 - Math.floor(random.next() * SEED_SPREAD_DAYS * DAY_MS);
			return {
				id: `01${random.chars(24)}`,
				type: 'change_event' as const,
				summary,
				timestamp: isoSeconds(at),
				source: 'acme-ci',
				integration: integrationOf(service),
				services: [seeded.ref(service)],
				custom_details: { build_number: String(build), build_state: 'passed' },
				links: [{ href: `https://ci.acme.example.com/builds/${build}`, text: 'Build log' }],
			};
		});
		return events.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
	});

/**
 * Records a change event sent to one of `service`'s routing keys, attributed to the service's change
 * integration, keeping the list newest first. The routing key is not part of the REST record.
 */
export function addChangeEvent(
	store: SandboxStore,
	service: Service,
	input: ChangeEventInput,
): ChangeEvent {
	const timestamp = isoSeconds(input.timestamp ? Date.parse(input.timestamp) : store.nowMs());
	const event: ChangeEvent = {
		id: `01${store.random.chars(24)}`,
		type: 'change_event',
		summary: input.summary,
		timestamp,
		source: input.source ?? null,
		integration: integrationOf(service),
		services: [store.ref(service)],
		custom_details: input.custom_details ?? {},
		links: input.links ?? [],
	};
	const events = changeEvents(store);
	const before = events.findIndex((candidate) => candidate.timestamp <= timestamp);
	events.splice(before < 0 ? events.length : before, 0, event);
	return event;
}

function list(store: SandboxStore, request: RestRequest, serviceId?: string): RestResponse {
	const since = parseTime(request, 'since');
	const until = parseTime(request, 'until');
	const teamIds = queryList(request, 'team_ids[]');
	const integrationIds = queryList(request, 'integration_ids[]');
	const teamServices =
		teamIds &&
		store.services.filter((service) => service.teams.some((team) => teamIds.includes(team.id)));
	const events = changeEvents(store).filter((event) => {
		const at = Date.parse(event.timestamp);
		return (
			(since === undefined || at >= since) &&
			(until === undefined || at < until) &&
			(serviceId === undefined || event.services.some((service) => service.id === serviceId)) &&
			(!integrationIds || integrationIds.includes(event.integration.id)) &&
			(!teamServices ||
				event.services.some((service) =>
					teamServices.some((candidate) => candidate.id === service.id),
				))
		);
	});
	return paginate(request, events, 'change_events');
}

export const CHANGE_EVENT_HANDLERS: Record<string, RestHandler> = {
	'GET /change_events': (store, request) => list(store, request),
	'GET /change_events/{id}': (store, request) => {
		const event = findById(changeEvents(store), request.match.pathParams.id);
		return { status: 200, body: { change_event: event } };
	},
	'GET /services/{id}/change_events': (store, request) => {
		const service = store.service(request.match.pathParams.id);
		if (!service) throw notFound();
		return list(store, request, service.id);
	},
};
