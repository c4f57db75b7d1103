/**
 * Audit trail records (`/audit/records` and the per-resource lists): cursor-paged, newest first,
 * at most 31 days per request. Records are seeded over the last 60 days from their own seeded
 * random, so the same seed gives the same trail whatever ran before.
 */
import { accessDenied, invalidInput, notFound } from './errors';
import { Random } from './random';
import {
	paginateCursor,
	parseTime,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
} from './rest-common';
import { existingV3Schedule, scheduleReference, v3Schedules } from './rest-v3-schedules';
import { API_BASE, Reference, SandboxStore } from './store';

export interface AuditRecord {
	id: string;
	self: string;
	execution_time: string;
	execution_context: { request_id: string; remote_address: string };
	actors: Reference[];
	method: { type: string; truncated_token?: string };
	root_resource: Reference;
	action: 'create' | 'update' | 'delete';
	details: {
		resource: Reference;
		fields: Array<{ name: string; before_value?: string; value?: string }>;
	};
}

const DAY_MS = 86_400_000;
/** PagerDuty searches at most this window per request (`until` ≤ `since` + 31 days). */
export const AUDIT_MAX_WINDOW_MS = 31 * DAY_MS;
const SEEDED_DAYS = 60;
const SEEDED_RECORDS = 300;

const API_KEYS: Reference[] = [
	{
		id: 'PKEYTF1',
		type: 'api_key_reference',
		summary: 'Terraform',
		self: `${API_BASE}/api_keys/PKEYTF1`,
		html_url: null,
	},
	{
		id: 'PKEYN8N',
		type: 'api_key_reference',
		summary: 'n8n automation',
		self: `${API_BASE}/api_keys/PKEYN8N`,
		html_url: null,
	},
];

/** Root resource types as `root_resource_types[]` names them, with the store's objects of each. */
function rootResources(store: SandboxStore): Array<[string, Reference[]]> {
	return [
		['users', store.users.map((user) => store.ref(user))],
		['teams', store.teams.map((team) => store.ref(team))],
		// Shift-based schedules are schedules too (their records' reference type is unverified).
		[
			'schedules',
			[
				...store.schedules.map((schedule) => store.ref(schedule)),
				...v3Schedules(store).map((schedule) => ({
					...scheduleReference(schedule),
					type: 'schedule_reference',
				})),
			],
		],
		['escalation_policies', store.escalationPolicies.map((policy) => store.ref(policy))],
		['services', store.services.map((service) => store.ref(service))],
	];
}

const ROOT_TYPE_OF_REFERENCE: Record<string, string> = {
	user_reference: 'users',
	team_reference: 'teams',
	schedule_reference: 'schedules',
	escalation_policy_reference: 'escalation_policies',
	service_reference: 'services',
};

function seedRecords(store: SandboxStore): AuditRecord[] {
	const random = new Random(20260315);
	const now = store.nowMs();
	const resources = rootResources(store);
	const records: AuditRecord[] = [];
	for (let index = 0; index < SEEDED_RECORDS; index++) {
		const [, candidates] = random.pick(resources);
		const root = random.pick(candidates);
		const action = random.pick(['create', 'update', 'update', 'update', 'delete'] as const);
		const methodType = random.pick([
			'browser',
			'api_token',
			'api_token',
			'oauth',
			'identity_provider',
		]);
		const byKey = methodType === 'api_token' && random.chance(0.5);
		const actors =
			methodType === 'identity_provider'
				? []
				: [byKey ? random.pick(API_KEYS) : store.ref(random.pick(store.users))];
		const id = `R${random.chars(25)}`;
		records.push({
			id,
			self: `${API_BASE}/audit/records/${id}`,
			execution_time: new Date(
				now - Math.floor(random.next() * SEEDED_DAYS * DAY_MS),
			).toISOString(),
			execution_context: {
				request_id: random.hex(24),
				remote_address: `203.0.113.${random.int(1, 254)}`,
			},
			actors,
			method:
				methodType === 'api_token' || methodType === 'oauth'
					? {
							type: methodType,
							truncated_token: random.chars(4, 'abcdefghijklmnopqrstuvwxyz0123456789'),
						}
					: { type: methodType },
			root_resource: root,
			action,
			details: {
				resource: root,
				fields:
					action === 'update'
						? [{ name: 'description', before_value: 'Before', value: 'After' }]
						: [{ name: 'name', [action === 'create' ? 'value' : 'before_value']: root.summary }],
			},
		});
	}
	return records.sort((a, b) => Date.parse(b.execution_time) - Date.parse(a.execution_time));
}

/** The account's audit trail, newest first. */
export const auditRecords = (store: SandboxStore) =>
	store.collection<AuditRecord>('auditRecords', seedRecords);

/** The records within `since`…`until` (both ends included; default the last 24 hours), at most 31 days. */
function inWindow(
	store: SandboxStore,
	request: RestRequest,
	records: AuditRecord[],
): AuditRecord[] {
	const until = parseTime(request, 'until') ?? store.nowMs();
	const since = parseTime(request, 'since') ?? store.nowMs() - DAY_MS;
	if (since > until) throw invalidInput(['since must be before until']);
	if (until - since > AUDIT_MAX_WINDOW_MS)
		throw invalidInput(['until may not be more than 31 days after since']);
	return records.filter((record) => {
		const time = Date.parse(record.execution_time);
		return time >= since && time <= until;
	});
}

/** root_resource_types[], actions[], actor_type + actor_id, method_type + method_truncated_token. */
function matchesFilters(request: RestRequest): (record: AuditRecord) => boolean {
	const rootTypes = queryList(request, 'root_resource_types[]');
	const actions = queryList(request, 'actions[]');
	const actorType = queryValue(request, 'actor_type');
	const actorId = queryValue(request, 'actor_id');
	const methodType = queryValue(request, 'method_type');
	const token = queryValue(request, 'method_truncated_token');
	if (actorId !== undefined && actorType === undefined)
		throw invalidInput(['actor_id must be qualified by actor_type']);
	if (token !== undefined && methodType === undefined)
		throw invalidInput(['method_truncated_token must be qualified by method_type']);
	return (record) =>
		(!rootTypes || rootTypes.includes(ROOT_TYPE_OF_REFERENCE[record.root_resource.type])) &&
		(!actions || actions.includes(record.action)) &&
		(!actorType ||
			record.actors.some(
				(actor) => actor.type === actorType && (actorId === undefined || actor.id === actorId),
			)) &&
		(!methodType || record.method.type === methodType) &&
		(token === undefined || record.method.truncated_token === token);
}

/** Only admins, the account owner and account keys read the whole account's trail. */
function checkAccountWideAccess(request: RestRequest): void {
	if (request.principal === 'account') return;
	if (request.actor?.role === 'admin' || request.actor?.role === 'owner') return;
	throw accessDenied(['Only admins, account owners and account API keys can list audit records']);
}

function listFor(
	store: SandboxStore,
	request: RestRequest,
	records: AuditRecord[],
): ReturnType<RestHandler> {
	const answer = paginateCursor(request, inWindow(store, request, records), 'records');
	return { ...answer, body: { ...(answer.body as object), response_metadata: null } };
}

/** The records of one object, after checking that it exists. */
function resourceRecords(
	exists: (store: SandboxStore, id: string) => unknown,
	referenceType: string,
): RestHandler {
	return (store, request) => {
		const { id } = request.match.pathParams;
		if (!exists(store, id)) throw notFound();
		const records = auditRecords(store).filter(
			(record) => record.root_resource.id === id && record.root_resource.type === referenceType,
		);
		return listFor(store, request, records);
	};
}

export const AUDIT_HANDLERS: Record<string, RestHandler> = {
	'GET /audit/records': (store, request) => {
		checkAccountWideAccess(request);
		return listFor(store, request, auditRecords(store).filter(matchesFilters(request)));
	},
	'GET /users/{id}/audit/records': resourceRecords((store, id) => store.user(id), 'user_reference'),
	'GET /teams/{id}/audit/records': resourceRecords((store, id) => store.team(id), 'team_reference'),
	'GET /schedules/{id}/audit/records': resourceRecords(
		(store, id) => store.schedule(id),
		'schedule_reference',
	),
	'GET /escalation_policies/{id}/audit/records': resourceRecords(
		(store, id) => store.escalationPolicy(id),
		'escalation_policy_reference',
	),
	'GET /services/{id}/audit/records': resourceRecords(
		(store, id) => store.service(id),
		'service_reference',
	),
	'GET /v3/schedules/{id}/audit/records': resourceRecords(
		(store, id) => existingV3Schedule(store, id),
		'schedule_reference',
	),
};
