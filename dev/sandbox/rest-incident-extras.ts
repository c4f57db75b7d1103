/**
 * What PagerDuty computes around one incident: related, past and outlier incidents, related change
 * events, custom field values and status-update subscribers. The intelligence answers are derived
 * from the seeded incidents by fixed, documented rules (PagerDuty's models are not public).
 */
import { invalidInput } from './errors';
import { IdFactory, Random } from './random';
import { changeEvents } from './rest-change-events';
import { queryList, queryValue, RestHandler, RestRequest } from './rest-common';
import { findIncident } from './rest-incidents';
import { Incident, SandboxStore } from './store';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Related incidents: open ones created within a day of the incident, at most 20 (PagerDuty's cap). */
const RELATED_WINDOW_MS = DAY_MS;
const MAX_RELATED = 20;
/** Past incidents: from the six months before the incident; PagerDuty's default `limit` is 5. */
const PAST_WINDOW_MS = 183 * DAY_MS;
const DEFAULT_PAST_LIMIT = 5;
/** Outlier incidents: the window when `since` is not given. */
const OUTLIER_WINDOW_MS = 120 * DAY_MS;
/** Related change events: those of the incident's service in the day before it. */
const CHANGE_WINDOW_MS = DAY_MS;
export const ACCOUNT_ID = 'PACCT01';

const wantsFullIncident = (request: RestRequest) =>
	(queryList(request, 'additional_details[]') ?? []).includes('incident');

/** The short incident form these answers use, or the whole incident when asked for. */
const incidentOf = (incident: Incident, full: boolean) =>
	full
		? incident
		: {
				id: incident.id,
				created_at: incident.created_at,
				self: incident.self,
				title: incident.title,
			};

/**
 * An incident title as a template: every word holding a digit, dot or hyphen (hosts, domains,
 * queues, numbers) becomes `<*>`, as PagerDuty's mined text marks the variable parts.
 */
export const titleTemplate = (title: string) => title.replace(/\S*[\d.-]\S*/g, '<*>');

const wordsOf = (title: string) => new Set(title.toLowerCase().split(/\s+/).filter(Boolean));

/** How alike two titles are: the share of words they have in common (Jaccard), two decimals. */
export function titleSimilarity(a: string, b: string): number {
	const left = wordsOf(a);
	const right = wordsOf(b);
	const shared = [...left].filter((word) => right.has(word)).length;
	const all = new Set([...left, ...right]).size;
	return all === 0 ? 0 : Math.round((shared / all) * 100) / 100;
}

const ms = (iso: string) => Date.parse(iso);

const teamIdsOf = (store: SandboxStore, incident: Incident) =>
	store.service(incident.service.id)?.teams.map((team) => team.id) ?? [];

/**
 * Related incidents: other open incidents created within a day of this one, on its service
 * (`machine_learning_inferred`) or on another service of the same team (`service_dependency`),
 * newest first, at most 20.
 */
export function relatedIncidentsOf(store: SandboxStore, incident: Incident): Incident[] {
	const teams = teamIdsOf(store, incident);
	return store.incidents
		.filter(
			(other) =>
				other.id !== incident.id &&
				other.status !== 'resolved' &&
				Math.abs(ms(other.created_at) - ms(incident.created_at)) <= RELATED_WINDOW_MS &&
				(other.service.id === incident.service.id ||
					teamIdsOf(store, other).some((team) => teams.includes(team))),
		)
		.reverse()
		.slice(0, MAX_RELATED);
}

/** Past incidents: earlier incidents of the service in the six months before, most similar first. */
export function pastIncidentsOf(
	store: SandboxStore,
	incident: Incident,
): Array<{ incident: Incident; score: number }> {
	const created = ms(incident.created_at);
	return store.incidents
		.filter(
			(other) =>
				other.id !== incident.id &&
				other.service.id === incident.service.id &&
				ms(other.created_at) < created &&
				created - ms(other.created_at) <= PAST_WINDOW_MS,
		)
		.map((other) => ({ incident: other, score: titleSimilarity(other.title, incident.title) }))
		.filter(({ score }) => score > 0)
		.sort(
			(a, b) => b.score - a.score || b.incident.created_at.localeCompare(a.incident.created_at),
		);
}

const related: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const full = wantsFullIncident(request);
	return {
		status: 200,
		body: {
			related_incidents: relatedIncidentsOf(store, incident).map((other) => ({
				incident: incidentOf(other, full),
				relationships: [
					other.service.id === incident.service.id
						? {
								type: 'machine_learning_inferred',
								metadata: {
									grouping_classification: 'similar_contents',
									user_feedback: { positive_feedback_count: 0, negative_feedback_count: 0 },
								},
							}
						: {
								type: 'service_dependency',
								metadata: {
									dependent_services: {
										id: incident.service.id,
										type: 'technical_service_reference',
									},
									supporting_services: {
										id: other.service.id,
										type: 'technical_service_reference',
									},
								},
							},
				],
			})),
		},
	};
};

const past: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const limit = Number(queryValue(request, 'limit') ?? DEFAULT_PAST_LIMIT);
	const matches = pastIncidentsOf(store, incident);
	return {
		status: 200,
		body: {
			past_incidents: matches
				.slice(0, limit)
				.map((match) => ({ incident: incidentOf(match.incident, false), score: match.score })),
			limit,
			...(queryValue(request, 'total') === 'true' && { total: matches.length }),
		},
	};
};

/**
 * Outlier details: how often the incident's title template occurred on its service between
 * `since` (default 120 days before now) and now. Category: `outlier` once, `rare` under a
 * quarter of the service's incidents in the window, else `frequent` (a sandbox rule).
 */
const outlier: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const until = store.nowMs();
	const sinceText = queryValue(request, 'since');
	const since = sinceText === undefined ? until - OUTLIER_WINDOW_MS : ms(sinceText);
	if (since >= until) throw invalidInput(['since must be in the past']);
	const template = titleTemplate(incident.title);
	const inWindow = store.incidents.filter(
		(other) =>
			other.service.id === incident.service.id &&
			ms(other.created_at) >= since &&
			ms(other.created_at) <= until,
	);
	const count = inWindow.filter((other) => titleTemplate(other.title) === template).length;
	const frequency = inWindow.length === 0 ? 0 : Math.round((count / inWindow.length) * 100) / 100;
	const category = count <= 1 ? 'outlier' : frequency < 0.25 ? 'rare' : 'frequent';
	const templateId = `PT${Buffer.from(template).toString('hex').slice(0, 5).toUpperCase()}`;
	return {
		status: 200,
		body: {
			outlier_incident: {
				incident: {
					...incidentOf(incident, wantsFullIncident(request)),
					occurrence: {
						count,
						frequency,
						category,
						since: new Date(since).toISOString(),
						until: new Date(until).toISOString(),
					},
				},
				incident_template: { id: templateId, cluster_id: `C${templateId}`, mined_text: template },
			},
		},
	};
};

/**
 * Change events of the incident's service in the day before it was created, newest first; the
 * newest is `most_recent`, the others `related_service`.
 */
export function relatedChangeEventsOf(store: SandboxStore, incident: Incident) {
	const created = ms(incident.created_at);
	return changeEvents(store)
		.filter(
			(event) =>
				event.services.some((service) => service.id === incident.service.id) &&
				ms(event.timestamp) <= created &&
				created - ms(event.timestamp) <= CHANGE_WINDOW_MS,
		)
		.map((event, index) => ({
			...event,
			correlation_reason: { reason: index === 0 ? 'most_recent' : 'related_service' },
		}));
}

const relatedChangeEvents: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const limit = queryValue(request, 'limit');
	const events = relatedChangeEventsOf(store, incident);
	return {
		status: 200,
		body: { change_events: limit === undefined ? events : events.slice(0, Number(limit)) },
	};
};

// ----- custom fields -----

type DataType = 'boolean' | 'integer' | 'float' | 'string' | 'datetime' | 'url';
type FieldType = 'single_value' | 'single_value_fixed' | 'multi_value' | 'multi_value_fixed';
type FieldValue = boolean | number | string | string[] | null;

export interface CustomField {
	id: string;
	name: string;
	display_name: string;
	description: string;
	data_type: DataType;
	field_type: FieldType;
	/** The allowed values of a fixed field. */
	options?: string[];
}

const MAX_MULTI_VALUES = 10;
const MAX_TEXT = 200;

/** The account's incident custom fields: a fixed string, an integer, a boolean and a multi-value. */
export const customFields = (store: SandboxStore) =>
	store.collection<CustomField>('customFields', () => {
		// Their own generator, so reading custom fields never shifts the IDs the store hands out next.
		const ids = new IdFactory(new Random(20240801));
		const field = (
			name: string,
			display_name: string,
			data_type: DataType,
			field_type: FieldType,
			description: string,
			options?: string[],
		): CustomField => ({
			id: ids.object(),
			name,
			display_name,
			description,
			data_type,
			field_type,
			...(options && { options }),
		});
		return [
			field(
				'environment',
				'Environment',
				'string',
				'single_value_fixed',
				'Where the incident happens.',
				['production', 'staging', 'development'],
			),
			field('customer_count', 'Customers Affected', 'integer', 'single_value', 'How many.'),
			field('is_major', 'Major', 'boolean', 'single_value', 'Whether it is a major incident.'),
			field('regions', 'Regions', 'string', 'multi_value', 'The regions affected.'),
		];
	});

/** Set values: incident ID → field ID → value. */
const customFieldValues = (store: SandboxStore) =>
	store.collection<{ incidentId: string; values: Map<string, FieldValue> }>('customFieldValues');

function valuesOf(store: SandboxStore, incident: Incident): Map<string, FieldValue> {
	const list = customFieldValues(store);
	let entry = list.find((candidate) => candidate.incidentId === incident.id);
	if (!entry) {
		entry = { incidentId: incident.id, values: new Map() };
		list.push(entry);
	}
	return entry.values;
}

function renderValues(store: SandboxStore, incident: Incident) {
	const values = valuesOf(store, incident);
	return customFields(store).map(({ options: _options, ...field }) => ({
		...field,
		type: 'field_value',
		value: values.get(field.id) ?? null,
	}));
}

const isMulti = (field: CustomField) => field.field_type.startsWith('multi');

/** PagerDuty's checks of one value against its field: data type, length, options, count. */
function valueProblem(field: CustomField, value: unknown): string | undefined {
	if (value === null) return undefined;
	const values = isMulti(field) ? value : [value];
	if (!Array.isArray(values)) return `${field.name} takes a list of values`;
	if (values.length > MAX_MULTI_VALUES)
		return `${field.name} takes at most ${MAX_MULTI_VALUES} values`;
	if (new Set(values).size !== values.length) return `${field.name} values must be unique`;
	for (const one of values) {
		const fits =
			field.data_type === 'boolean'
				? typeof one === 'boolean'
				: field.data_type === 'integer'
					? Number.isInteger(one)
					: field.data_type === 'float'
						? typeof one === 'number'
						: field.data_type === 'datetime'
							? typeof one === 'string' && !Number.isNaN(Date.parse(one))
							: typeof one === 'string' && one.length <= MAX_TEXT;
		if (!fits) return `${field.name} must be of type ${field.data_type}`;
		if (field.options && !field.options.includes(String(one)))
			return `${String(one)} is not an option of ${field.name}`;
	}
	return undefined;
}

const setCustomFieldValues: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const input = (
		request.match.body as {
			custom_fields: Array<{ id?: string; name?: string; value?: unknown }>;
		}
	).custom_fields;
	const fields = customFields(store);
	const planned = input.map((entry) => {
		const field = fields.find((candidate) =>
			entry.id !== undefined ? candidate.id === entry.id : candidate.name === entry.name,
		);
		if (!field)
			throw invalidInput([`Custom field ${entry.id ?? entry.name ?? '(none)'} not found`]);
		const problem = valueProblem(field, entry.value ?? null);
		if (problem) throw invalidInput([problem]);
		return { field, value: (entry.value ?? null) as FieldValue };
	});
	const values = valuesOf(store, incident);
	for (const { field, value } of planned) values.set(field.id, value);
	return { status: 201, body: { custom_fields: renderValues(store, incident) } };
};

// ----- status-update subscribers -----

interface Subscription {
	incidentId: string;
	subscriber_id: string;
	subscriber_type: 'user' | 'team';
}

/** Users and teams added as subscribers of an incident's status updates (through the API). */
export const incidentSubscribers = (store: SandboxStore) =>
	store.collection<Subscription>('incidentSubscribers');

type SubscriberInput = Array<{ subscriber_id: string; subscriber_type: 'user' | 'team' }>;

const subscribersOf = (request: RestRequest) =>
	(request.match.body as { subscribers: SubscriberInput }).subscribers;

const exists = (store: SandboxStore, { subscriber_id, subscriber_type }: SubscriberInput[0]) =>
	subscriber_type === 'user' ? !!store.user(subscriber_id) : !!store.team(subscriber_id);

const isSubscription =
	(incidentId: string, { subscriber_id, subscriber_type }: SubscriberInput[0]) =>
	(candidate: Subscription) =>
		candidate.incidentId === incidentId &&
		candidate.subscriber_id === subscriber_id &&
		candidate.subscriber_type === subscriber_type;

const listSubscribers: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const subscribers = incidentSubscribers(store)
		.filter((subscription) => subscription.incidentId === incident.id)
		.map(({ subscriber_id, subscriber_type }) => ({
			subscriber_id,
			subscriber_type,
			has_indirect_subscription: false,
			subscribed_via: null,
		}));
	// Not paged, although the answer carries the paging fields.
	return {
		status: 200,
		body: {
			subscribers,
			limit: subscribers.length,
			offset: 0,
			more: false,
			total: subscribers.length,
			account_id: ACCOUNT_ID,
		},
	};
};

/**
 * Adds subscribers: `success` when new, `duplicate` when already subscribed, `unauthorized` for
 * a user or team the account does not have (a sandbox choice: PagerDuty's rule is not documented).
 */
const addSubscribers: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const subscriptions = incidentSubscribers(store);
	const results = subscribersOf(request).map((subscriber) => {
		const result = !exists(store, subscriber)
			? 'unauthorized'
			: subscriptions.some(isSubscription(incident.id, subscriber))
				? 'duplicate'
				: 'success';
		if (result === 'success') subscriptions.push({ incidentId: incident.id, ...subscriber });
		return {
			...subscriber,
			subscribable_id: incident.id,
			subscribable_type: 'incident',
			account_id: ACCOUNT_ID,
			result,
		};
	});
	return { status: 200, body: { subscriptions: results } };
};

const removeSubscribers: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const subscriptions = incidentSubscribers(store);
	const counts = { deleted_count: 0, unauthorized_count: 0, non_existent_count: 0 };
	for (const subscriber of subscribersOf(request)) {
		const index = subscriptions.findIndex(isSubscription(incident.id, subscriber));
		if (!exists(store, subscriber)) counts.unauthorized_count++;
		else if (index < 0) counts.non_existent_count++;
		else {
			subscriptions.splice(index, 1);
			counts.deleted_count++;
		}
	}
	return { status: 200, body: counts };
};

export const INCIDENT_EXTRA_HANDLERS: Record<string, RestHandler> = {
	'GET /incidents/{id}/related_incidents': related,
	'GET /incidents/{id}/past_incidents': past,
	'GET /incidents/{id}/outlier_incident': outlier,
	'GET /incidents/{id}/related_change_events': relatedChangeEvents,
	'GET /incidents/{id}/custom_fields/values': (store, request) => ({
		status: 200,
		body: { custom_fields: renderValues(store, findIncident(store, request)) },
	}),
	'PUT /incidents/{id}/custom_fields/values': setCustomFieldValues,
	'GET /incidents/{id}/status_updates/subscribers': listSubscribers,
	'POST /incidents/{id}/status_updates/subscribers': addSubscribers,
	'POST /incidents/{id}/status_updates/unsubscribe': removeSubscribers,
};
