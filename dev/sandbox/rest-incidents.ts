/** Incident, note and incident log entry operations. Bodies were already contract-validated. */
import {
	incidentAlreadyResolved,
	invalidInput,
	invalidPriority,
	notFound,
	tooManyIncidents,
} from './errors';
import {
	formatInTimeZone,
	orNotFound,
	paginate,
	parseTime,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
	RestResponse,
} from './rest-common';
import {
	ConferenceBridge,
	EscalationPolicy,
	Incident,
	IncidentStatus,
	LogEntry,
	Priority,
	SandboxStore,
	Service,
	Urgency,
	User,
} from './store';

const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_BULK_UPDATE = 250;
const MAX_NOTES_PER_INCIDENT = 2000;
const SORTABLE_INCIDENT_FIELDS = ['incident_number', 'created_at', 'resolved_at', 'urgency'];

interface ReferenceInput {
	id?: string;
	type?: string;
}

interface IncidentUpdateInput {
	id?: string;
	type?: string;
	status?: IncidentStatus;
	resolution?: string;
	title?: string;
	priority?: ReferenceInput | string;
	escalation_level?: number;
	assignments?: Array<{ assignee?: ReferenceInput }>;
	escalation_policy?: ReferenceInput;
	urgency?: Urgency;
	conference_bridge?: ConferenceBridge;
	incident_type?: { name?: string };
	service?: ReferenceInput;
}

interface IncidentCreateInput extends IncidentUpdateInput {
	incident_key?: string;
	body?: { details?: unknown };
}

export function actorOrAdmin(store: SandboxStore, request: RestRequest): User {
	// Mutating operations require From for account keys, so an actor is normally present.
	const actor = request.actor ?? store.users.find((user) => user.role === 'admin');
	if (!actor) throw new Error('sandbox store has no admin user');
	return actor;
}

function renderIncident(incident: Incident, timeZone: string | undefined): unknown {
	if (!timeZone) return incident;
	return {
		...incident,
		created_at: formatInTimeZone(incident.created_at, timeZone),
		updated_at: formatInTimeZone(incident.updated_at, timeZone),
		last_status_change_at: formatInTimeZone(incident.last_status_change_at, timeZone),
		resolved_at: incident.resolved_at && formatInTimeZone(incident.resolved_at, timeZone),
	};
}

export function renderLogEntry(entry: LogEntry, timeZone: string | undefined): unknown {
	return timeZone ? { ...entry, created_at: formatInTimeZone(entry.created_at, timeZone) } : entry;
}

export function findIncident(store: SandboxStore, request: RestRequest): Incident {
	return orNotFound(store.incident(request.match.pathParams.id));
}

function lookupPriority(store: SandboxStore, input: ReferenceInput | string): Priority {
	const priority =
		typeof input === 'string'
			? store.priorityByName(input)
			: input.id
				? store.priority(input.id)
				: undefined;
	if (!priority) throw invalidPriority();
	return priority;
}

function lookupPolicy(store: SandboxStore, input: ReferenceInput): EscalationPolicy {
	const policy = input.id ? store.escalationPolicy(input.id) : undefined;
	if (!policy) throw invalidInput(['Escalation policy not found']);
	return policy;
}

function lookupService(store: SandboxStore, input: ReferenceInput): Service {
	const service = input.id ? store.service(input.id) : undefined;
	if (!service) throw invalidInput(['Service not found']);
	return service;
}

function lookupAssignees(
	store: SandboxStore,
	assignments: Array<{ assignee?: ReferenceInput }>,
): User[] {
	return assignments.map((assignment) => {
		const user = assignment.assignee?.id ? store.user(assignment.assignee.id) : undefined;
		if (!user)
			throw invalidInput([`Assignee not found: ${assignment.assignee?.id ?? '(missing id)'}`]);
		return user;
	});
}

// ----- list / get -----

function compareIncidents(sortKeys: Array<[string, number]>): (a: Incident, b: Incident) => number {
	return (a, b) => {
		for (const [field, direction] of sortKeys) {
			const left = (a as unknown as Record<string, string | number | null>)[field];
			const right = (b as unknown as Record<string, string | number | null>)[field];
			if (left === right) continue;
			if (left === null) return 1;
			if (right === null) return -1;
			return (left < right ? -1 : 1) * direction;
		}
		return a.incident_number - b.incident_number;
	};
}

const listIncidents: RestHandler = (store, request) => {
	const all = queryValue(request, 'date_range') === 'all';
	const until = all ? undefined : parseTime(request, 'until');
	const since = all
		? undefined
		: (parseTime(request, 'since') ?? (until ?? store.nowMs()) - DEFAULT_WINDOW_MS);
	if (since !== undefined && until !== undefined && since > until) {
		throw invalidInput(['since must be before until']);
	}
	const statuses = queryList(request, 'statuses[]');
	const serviceIds = queryList(request, 'service_ids[]');
	const teamIds = queryList(request, 'team_ids[]');
	const userIds = queryList(request, 'user_ids[]');
	const urgencies = queryList(request, 'urgencies[]');
	const incidentKey = queryValue(request, 'incident_key');

	let incidents = store.incidents.filter((incident) => {
		const created = Date.parse(incident.created_at);
		if (since !== undefined && created < since) return false;
		if (until !== undefined && created >= until) return false;
		if (statuses && !statuses.includes(incident.status)) return false;
		if (serviceIds && !serviceIds.includes(incident.service.id)) return false;
		if (teamIds && !incident.teams.some((team) => teamIds.includes(team.id))) return false;
		if (userIds && !incident.assignments.some((a) => userIds.includes(a.assignee.id))) return false;
		if (urgencies && !urgencies.includes(incident.urgency)) return false;
		if (incidentKey !== undefined && incident.incident_key !== incidentKey) return false;
		return true;
	});

	const sortBy = queryList(request, 'sort_by');
	if (sortBy) {
		const keys: Array<[string, number]> = sortBy.map((entry) => {
			const [field, direction = 'asc'] = entry.split(':');
			if (!SORTABLE_INCIDENT_FIELDS.includes(field) || !['asc', 'desc'].includes(direction)) {
				throw invalidInput([
					`sort_by must be one of ${SORTABLE_INCIDENT_FIELDS.join(', ')} with :asc or :desc`,
				]);
			}
			return [field, direction === 'desc' ? -1 : 1];
		});
		incidents = incidents.slice().sort(compareIncidents(keys));
	}
	const timeZone = queryValue(request, 'time_zone');
	return paginate(request, incidents, 'incidents', (incident) =>
		renderIncident(incident, timeZone),
	);
};

const getIncident: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const body = store.incidentBody(incident.id);
	return { status: 200, body: { incident: body ? { ...incident, body } : incident } };
};

// ----- create -----

const createIncident: RestHandler = (store, request) => {
	const input = (request.match.body as { incident: IncidentCreateInput }).incident;
	const actor = actorOrAdmin(store, request);
	const title = (input.title ?? '').trim();
	if (title === '') throw invalidInput(['Title cannot be empty.']);
	const service = lookupService(store, input.service ?? {});
	if (input.assignments && input.escalation_policy) {
		throw invalidInput(['Incident may have either assignments or an escalation policy, not both.']);
	}
	const policy = input.escalation_policy
		? lookupPolicy(store, input.escalation_policy)
		: lookupPolicy(store, service.escalation_policy);
	const priority = input.priority ? lookupPriority(store, input.priority) : null;
	if (input.incident_key && store.openIncidentWithKey(service.id, input.incident_key)) {
		throw invalidInput([`Open incident with key '${input.incident_key}' already exists.`]);
	}
	const at = store.nowIso();
	const assignees = input.assignments
		? lookupAssignees(store, input.assignments)
		: store.ruleAssignees(policy.escalation_rules[0], store.incidents.length);

	const incident = store.createIncident({
		title,
		service,
		escalationPolicy: policy,
		assignees,
		urgency: input.urgency ?? service.incident_urgency_rule.urgency,
		priority,
		incidentKey: input.incident_key ?? null,
		body: input.body ? { type: 'incident_body', details: input.body.details ?? null } : null,
		conferenceBridge: input.conference_bridge ?? null,
		incidentType: input.incident_type?.name ?? 'incident_default',
		agent: store.ref(actor),
		channel: { type: 'api' },
		at,
	});
	if (input.assignments) incident.assigned_via = 'direct_assignment';
	const body = store.incidentBody(incident.id);
	return { status: 201, body: { incident: body ? { ...incident, body } : incident } };
};

// ----- update -----

/**
 * Validates an update completely before changing anything, then returns the mutation,
 * so a bad field leaves the incident (or a whole bulk request) untouched.
 */
function planUpdate(
	store: SandboxStore,
	incident: Incident,
	input: IncidentUpdateInput,
	actor: User,
): () => void {
	if (input.title !== undefined && input.title.trim() === '')
		throw invalidInput(['Title cannot be empty.']);
	if (input.status && input.status !== 'triggered' && incident.status === 'resolved') {
		throw incidentAlreadyResolved();
	}
	if (input.assignments && (input.escalation_level !== undefined || input.escalation_policy)) {
		throw invalidInput([
			'Assignments cannot be combined with escalation_level or escalation_policy.',
		]);
	}
	const priority = input.priority !== undefined ? lookupPriority(store, input.priority) : undefined;
	const service = input.service ? lookupService(store, input.service) : undefined;
	const assignees = input.assignments ? lookupAssignees(store, input.assignments) : undefined;
	const policy = input.escalation_policy
		? lookupPolicy(store, input.escalation_policy)
		: store.escalationPolicy(incident.escalation_policy.id);
	const escalate = input.escalation_level !== undefined || input.escalation_policy !== undefined;
	const level = input.escalation_level ?? 1;
	if (escalate) {
		if (!policy || level < 1 || level > policy.escalation_rules.length) {
			throw invalidInput([`Escalation level ${level} is not valid for this escalation policy.`]);
		}
		if (incident.status === 'resolved') throw incidentAlreadyResolved();
	}

	return () => {
		const at = store.nowIso();
		if (input.title !== undefined) {
			incident.title = input.title;
			incident.description = input.title;
			incident.summary = `[#${incident.incident_number}] ${input.title}`;
		}
		if (input.urgency) incident.urgency = input.urgency;
		if (priority) incident.priority = store.ref(priority);
		if (input.conference_bridge) incident.conference_bridge = input.conference_bridge;
		if (input.incident_type?.name) incident.incident_type = { name: input.incident_type.name };
		if (service) store.moveToService(incident, service, at);
		if (assignees) store.reassign(incident, assignees, actor, at);
		if (escalate && policy) store.escalate(incident, policy, level, actor, at);
		if (input.status === 'acknowledged') store.acknowledge(incident, actor, at);
		if (input.status === 'triggered' && incident.status !== 'triggered')
			store.retrigger(incident, actor, at);
		if (input.status === 'resolved') {
			// The resolution text shows up as a note on the incident.
			if (input.resolution) store.addNote(incident, actor, input.resolution, at);
			store.resolve(incident, actor, at);
		}
		incident.updated_at = at;
	};
}

const updateIncident: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const input = (request.match.body as { incident: IncidentUpdateInput }).incident;
	planUpdate(store, incident, input, actorOrAdmin(store, request))();
	return { status: 200, body: { incident } };
};

const updateIncidents: RestHandler = (store, request) => {
	const inputs = (request.match.body as { incidents: IncidentUpdateInput[] }).incidents;
	if (inputs.length > MAX_BULK_UPDATE) throw tooManyIncidents(inputs.length);
	const actor = actorOrAdmin(store, request);
	const plans = inputs.map((input) => {
		const incident = input.id ? store.incident(input.id) : undefined;
		if (!incident) throw notFound();
		return { incident, apply: planUpdate(store, incident, input, actor) };
	});
	plans.forEach(({ apply }) => apply());
	const incidents = plans.map(({ incident }) => incident);
	return {
		status: 200,
		body: { incidents, limit: incidents.length, offset: 0, total: null, more: false },
	};
};

// ----- notes -----

const listNotes: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	// Notes are not paginated: PagerDuty returns them all.
	return { status: 200, body: { notes: store.notes(incident.id) } };
};

const createNote: RestHandler = (store, request): RestResponse => {
	const incident = findIncident(store, request);
	const content = (request.match.body as { note: { content: string } }).note.content;
	if (content.trim() === '') throw invalidInput(['Content cannot be empty.']);
	if (store.notes(incident.id).length >= MAX_NOTES_PER_INCIDENT) {
		throw invalidInput([`An incident cannot have more than ${MAX_NOTES_PER_INCIDENT} notes.`]);
	}
	const note = store.addNote(incident, actorOrAdmin(store, request), content, store.nowIso());
	return { status: 201, body: { note } };
};

const updateNote: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const note = store
		.notes(incident.id)
		.find((candidate) => candidate.id === request.match.pathParams.note_id);
	if (!note) throw notFound();
	const content = (request.match.body as { note: { content: string } }).note.content;
	if (content.trim() === '') throw invalidInput(['Content cannot be empty.']);
	note.content = content;
	note.updated_at = store.nowIso();
	incident.updated_at = note.updated_at;
	return { status: 200, body: { note } };
};

// ----- log entries -----

/** Newest first, with the since/until/is_overview/team filters shared by both list operations. */
export function filterLogEntries(
	store: SandboxStore,
	request: RestRequest,
	entries: LogEntry[],
): LogEntry[] {
	const since = parseTime(request, 'since');
	const until = parseTime(request, 'until');
	const overviewOnly = queryValue(request, 'is_overview') === 'true';
	const teamIds = queryList(request, 'team_ids[]');
	const out: LogEntry[] = [];
	for (let i = entries.length - 1; i >= 0; i--) {
		const entry = entries[i];
		const created = Date.parse(entry.created_at);
		if (since !== undefined && created < since) continue;
		if (until !== undefined && created >= until) continue;
		if (overviewOnly && !store.isOverviewLogEntry(entry)) continue;
		if (teamIds && !entry.teams.some((team) => teamIds.includes(team.id))) continue;
		out.push(entry);
	}
	return out;
}

const listIncidentLogEntries: RestHandler = (store, request) => {
	const incident = findIncident(store, request);
	const entries = filterLogEntries(store, request, store.incidentLogEntries(incident.id));
	const timeZone = queryValue(request, 'time_zone');
	return paginate(request, entries, 'log_entries', (entry) => renderLogEntry(entry, timeZone));
};

export const INCIDENT_HANDLERS: Record<string, RestHandler> = {
	'GET /incidents': listIncidents,
	'POST /incidents': createIncident,
	'PUT /incidents': updateIncidents,
	'GET /incidents/{id}': getIncident,
	'PUT /incidents/{id}': updateIncident,
	'GET /incidents/{id}/notes': listNotes,
	'POST /incidents/{id}/notes': createNote,
	'PUT /incidents/{id}/notes/{note_id}': updateNote,
	'GET /incidents/{id}/log_entries': listIncidentLogEntries,
};
