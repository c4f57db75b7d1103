/**
 * In-memory PagerDuty account: entity shapes follow the REST v2 responses, mutations keep
 * incidents, their log entries and notes consistent (as PagerDuty would).
 */
import { IdFactory, Random } from './random';

export const API_BASE = 'https://api.pagerduty.com';

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';
export type Urgency = 'high' | 'low';

export interface Reference {
	id: string;
	type: string;
	summary: string;
	self: string;
	html_url: string | null;
}

interface Entity {
	id: string;
	type: string;
	summary: string;
	self: string;
	html_url: string | null;
}

export interface User extends Entity {
	type: 'user';
	name: string;
	email: string;
	time_zone: string;
	color: string;
	role: string;
	avatar_url: string;
	description: string;
	invitation_sent: boolean;
	job_title: string;
	teams: Reference[];
	contact_methods: Reference[];
	notification_rules: Reference[];
}

export interface Team extends Entity {
	type: 'team';
	name: string;
	description: string;
	default_role: string;
	parent: Reference | null;
}

export interface Schedule extends Entity {
	type: 'schedule';
	name: string;
	description: string;
	time_zone: string;
	users: Reference[];
	escalation_policies: Reference[];
	teams: Reference[];
}

export interface EscalationRule {
	id: string;
	escalation_delay_in_minutes: number;
	targets: Reference[];
	escalation_rule_assignment_strategy: { type: string };
}

export interface EscalationPolicy extends Entity {
	type: 'escalation_policy';
	name: string;
	description: string;
	num_loops: number;
	on_call_handoff_notifications: string;
	escalation_rules: EscalationRule[];
	services: Reference[];
	teams: Reference[];
}

export interface Service extends Entity {
	type: 'service';
	name: string;
	description: string;
	auto_resolve_timeout: number | null;
	acknowledgement_timeout: number | null;
	created_at: string;
	updated_at: string;
	status: string;
	last_incident_timestamp: string | null;
	escalation_policy: Reference;
	teams: Reference[];
	integrations: Reference[];
	incident_urgency_rule: { type: string; urgency: Urgency };
	support_hours: null;
	scheduled_actions: unknown[];
	alert_creation: string;
	alert_grouping_parameters: { type: string | null };
	auto_pause_notifications_parameters: { enabled: boolean; timeout: number | null };
}

export interface Priority extends Entity {
	type: 'priority';
	html_url: null;
	name: string;
	description: string;
	order: number;
	color: string;
	account_default: boolean;
	schema_version: number;
}

export interface Assignment {
	at: string;
	assignee: Reference;
}

export interface Acknowledgement {
	at: string;
	acknowledger: Reference;
}

export interface ConferenceBridge {
	conference_number?: string;
	conference_url?: string;
}

export interface Incident extends Entity {
	type: 'incident';
	incident_number: number;
	title: string;
	description: string;
	created_at: string;
	updated_at: string;
	status: IncidentStatus;
	incident_key: string | null;
	service: Reference;
	assignments: Assignment[];
	assigned_via: string;
	last_status_change_at: string;
	last_status_change_by: Reference;
	resolved_at: string | null;
	first_trigger_log_entry: Reference;
	alert_counts: { all: number; triggered: number; resolved: number };
	is_mergeable: boolean;
	incident_type: { name: string };
	escalation_policy: Reference;
	teams: Reference[];
	pending_actions: unknown[];
	acknowledgements: Acknowledgement[];
	alert_grouping: null;
	urgency: Urgency;
	priority: Reference | null;
	/** Set when the incident was resolved by merging it into another one. */
	resolve_reason: { type: 'merge_resolve_reason'; incident: Reference } | null;
	conference_bridge: ConferenceBridge | null;
	incidents_responders: unknown[];
	responder_requests: unknown[];
	subscriber_requests: unknown[];
}

export interface IncidentBody {
	type: 'incident_body';
	details: unknown;
}

export interface Note {
	id: string;
	user: Reference;
	channel: { summary: string };
	content: string;
	created_at: string;
	updated_at: string;
}

export interface LogEntry extends Entity {
	created_at: string;
	agent: Reference;
	channel: Record<string, unknown>;
	service: Reference;
	incident: Reference;
	teams: Reference[];
	contexts: unknown[];
	event_details?: { description: string };
	assignees?: Reference[];
	acknowledgement_timeout?: number;
}

// Log entry types shown when is_overview=true (the important state changes).
const OVERVIEW_LOG_TYPES = new Set([
	'trigger_log_entry',
	'acknowledge_log_entry',
	'unacknowledge_log_entry',
	'resolve_log_entry',
	'escalate_log_entry',
	'reassign_log_entry',
]);

const NOTE_CHANNEL = { summary: 'The PagerDuty website or APIs' };

export interface NewIncident {
	title: string;
	service: Service;
	escalationPolicy: EscalationPolicy;
	assignees: User[];
	urgency: Urgency;
	priority: Priority | null;
	incidentKey: string | null;
	body: IncidentBody | null;
	conferenceBridge: ConferenceBridge | null;
	incidentType: string;
	/** Who or what created it: a user (web/API) or the service (integration). */
	agent: Reference;
	channel: Record<string, unknown>;
	at: string;
}

export class SandboxStore {
	readonly users: User[] = [];
	readonly teams: Team[] = [];
	readonly schedules: Schedule[] = [];
	readonly escalationPolicies: EscalationPolicy[] = [];
	readonly services: Service[] = [];
	readonly priorities: Priority[] = [];
	readonly abilities: string[] = [];
	/** Ordered by created_at ascending (and incident_number). */
	readonly incidents: Incident[] = [];
	/** Ordered by created_at ascending. */
	readonly logEntries: LogEntry[] = [];

	private readonly incidentsById = new Map<string, Incident>();
	private readonly logEntriesById = new Map<string, LogEntry>();
	private readonly logEntriesByIncident = new Map<string, LogEntry[]>();
	private readonly notesByIncident = new Map<string, Note[]>();
	private readonly bodies = new Map<string, IncidentBody>();
	private readonly escalationLevels = new Map<string, number>();
	private nextIncidentNumber = 1;
	private readonly refCache = new Map<string, Reference>();
	private bulkLoading = false;

	readonly ids: IdFactory;

	private readonly collections = new Map<string, unknown[]>();

	/**
	 * A named list for resources that live in their own handler module (maintenance windows,
	 * webhook subscriptions, …), so each module keeps its state without widening this class.
	 * `seed` fills it on first use; the list starts empty again with a new store (reset).
	 */
	collection<T>(name: string, seed?: (store: SandboxStore) => T[]): T[] {
		let list = this.collections.get(name) as T[] | undefined;
		if (!list) {
			list = seed ? seed(this) : [];
			this.collections.set(name, list);
		}
		return list;
	}

	constructor(
		readonly random: Random,
		/** Web app base, e.g. https://acme.pagerduty.com */
		readonly webBase: string,
		private readonly clock: () => number,
	) {
		this.ids = new IdFactory(random);
	}

	nowIso(): string {
		return new Date(this.clock()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	}

	nowMs(): number {
		return this.clock();
	}

	// ----- references -----

	/** References are treated as immutable snapshots; non-incident ones are shared (fast 30k seeds). */
	ref(entity: Entity): Reference {
		const cacheable = entity.type !== 'incident';
		const cached = cacheable ? this.refCache.get(entity.id) : undefined;
		if (cached && cached.summary === entity.summary) return cached;
		const reference: Reference = {
			id: entity.id,
			type: `${entity.type}_reference`,
			summary: entity.summary,
			self: entity.self,
			html_url: entity.html_url,
		};
		if (cacheable) this.refCache.set(entity.id, reference);
		return reference;
	}

	apiUrl(collection: string, id: string): string {
		return `${API_BASE}/${collection}/${id}`;
	}

	// ----- lookups -----

	user(id: string): User | undefined {
		return this.users.find((user) => user.id === id);
	}

	userByEmail(email: string): User | undefined {
		const wanted = email.trim().toLowerCase();
		return this.users.find((user) => user.email.toLowerCase() === wanted);
	}

	team(id: string): Team | undefined {
		return this.teams.find((team) => team.id === id);
	}

	schedule(id: string): Schedule | undefined {
		return this.schedules.find((schedule) => schedule.id === id);
	}

	escalationPolicy(id: string): EscalationPolicy | undefined {
		return this.escalationPolicies.find((policy) => policy.id === id);
	}

	service(id: string): Service | undefined {
		return this.services.find((service) => service.id === id);
	}

	priority(id: string): Priority | undefined {
		return this.priorities.find((priority) => priority.id === id);
	}

	priorityByName(name: string): Priority | undefined {
		return this.priorities.find((priority) => priority.name === name);
	}

	incident(id: string): Incident | undefined {
		return this.incidentsById.get(id);
	}

	incidentBody(id: string): IncidentBody | undefined {
		return this.bodies.get(id);
	}

	logEntry(id: string): LogEntry | undefined {
		return this.logEntriesById.get(id);
	}

	incidentLogEntries(incidentId: string): LogEntry[] {
		return this.logEntriesByIncident.get(incidentId) ?? [];
	}

	notes(incidentId: string): Note[] {
		return this.notesByIncident.get(incidentId) ?? [];
	}

	isOverviewLogEntry(entry: LogEntry): boolean {
		return OVERVIEW_LOG_TYPES.has(entry.type);
	}

	escalationLevel(incidentId: string): number {
		return this.escalationLevels.get(incidentId) ?? 1;
	}

	/** Users currently on call for a rule: schedules resolve to one member (deterministic). */
	ruleAssignees(rule: EscalationRule, salt: number): User[] {
		const users: User[] = [];
		for (const target of rule.targets) {
			if (target.type === 'user_reference') {
				const user = this.user(target.id);
				if (user) users.push(user);
			} else if (target.type === 'schedule_reference') {
				const schedule = this.schedule(target.id);
				if (schedule && schedule.users.length > 0) {
					const member = this.user(schedule.users[salt % schedule.users.length].id);
					if (member) users.push(member);
				}
			}
		}
		return users.filter(
			(user, index) => users.findIndex((other) => other.id === user.id) === index,
		);
	}

	openIncidentWithKey(serviceId: string, incidentKey: string): Incident | undefined {
		return this.incidents.find(
			(incident) =>
				incident.status !== 'resolved' &&
				incident.service.id === serviceId &&
				incident.incident_key === incidentKey,
		);
	}

	// ----- mutations -----

	createIncident(input: NewIncident): Incident {
		const id = this.ids.incident();
		const number = this.nextIncidentNumber++;
		const self = this.apiUrl('incidents', id);
		const summary = `[#${number}] ${input.title}`;
		const html = `${this.webBase}/incidents/${id}`;
		const triggerId = this.ids.logEntry();
		const incident: Incident = {
			id,
			type: 'incident',
			summary,
			self,
			html_url: html,
			incident_number: number,
			title: input.title,
			description: input.title,
			created_at: input.at,
			updated_at: input.at,
			status: 'triggered',
			incident_key: input.incidentKey,
			service: this.ref(input.service),
			assignments: input.assignees.map((user) => ({ at: input.at, assignee: this.ref(user) })),
			assigned_via: 'escalation_policy',
			last_status_change_at: input.at,
			last_status_change_by: this.ref(input.service),
			resolved_at: null,
			first_trigger_log_entry: {
				id: triggerId,
				type: 'trigger_log_entry_reference',
				summary: 'Triggered through the API.',
				self: `${API_BASE}/log_entries/${triggerId}?incident_id=${id}`,
				html_url: `${html}/log_entries/${triggerId}`,
			},
			alert_counts: { all: 0, triggered: 0, resolved: 0 },
			is_mergeable: true,
			incident_type: { name: input.incidentType },
			escalation_policy: this.ref(input.escalationPolicy),
			teams: input.service.teams.slice(),
			pending_actions: [],
			acknowledgements: [],
			alert_grouping: null,
			urgency: input.urgency,
			priority: input.priority ? this.ref(input.priority) : null,
			resolve_reason: null,
			conference_bridge: input.conferenceBridge,
			incidents_responders: [],
			responder_requests: [],
			subscriber_requests: [],
		};
		if (input.agent.type === 'service_reference') {
			// Integration-created incidents carry one alert.
			incident.alert_counts = { all: 1, triggered: 1, resolved: 0 };
		}
		this.insertIncident(incident);
		if (input.body) this.bodies.set(id, input.body);
		input.service.last_incident_timestamp = input.at;

		this.addLogEntry(incident, {
			id: triggerId,
			type: 'trigger_log_entry',
			summary:
				input.agent.type === 'service_reference'
					? 'Triggered through the API.'
					: `Triggered through the website by ${input.agent.summary}.`,
			at: input.at,
			agent: input.agent,
			channel: input.channel,
			extra: { event_details: { description: input.title } },
		});
		if (input.assignees.length > 0) {
			this.addLogEntry(incident, {
				type: 'assign_log_entry',
				summary: `Assigned to ${input.assignees.map((user) => user.name).join(', ')}.`,
				at: input.at,
				agent: this.ref(input.escalationPolicy),
				channel: { type: 'auto' },
				extra: { assignees: input.assignees.map((user) => this.ref(user)) },
			});
		}
		return incident;
	}

	acknowledge(incident: Incident, by: User, at: string): void {
		incident.status = 'acknowledged';
		incident.acknowledgements = incident.acknowledgements
			.filter((ack) => ack.acknowledger.id !== by.id)
			.concat({ at, acknowledger: this.ref(by) });
		this.touchStatus(incident, by, at);
		this.addLogEntry(incident, {
			type: 'acknowledge_log_entry',
			summary: `Acknowledged by ${by.name}.`,
			at,
			agent: this.ref(by),
			channel: { type: 'api' },
			extra: { acknowledgement_timeout: 1800 },
		});
	}

	/** Back to triggered: from acknowledged (unacknowledge) or resolved (reopen). */
	retrigger(incident: Incident, by: User, at: string): void {
		const wasResolved = incident.status === 'resolved';
		incident.status = 'triggered';
		incident.acknowledgements = [];
		incident.resolved_at = null;
		if (incident.alert_counts.all > 0) {
			incident.alert_counts = {
				all: incident.alert_counts.all,
				triggered: incident.alert_counts.all,
				resolved: 0,
			};
		}
		if (incident.assignments.length === 0) {
			const policy = this.escalationPolicy(incident.escalation_policy.id);
			const rule = policy?.escalation_rules[0];
			if (rule) {
				incident.assignments = this.ruleAssignees(rule, incident.incident_number).map((user) => ({
					at,
					assignee: this.ref(user),
				}));
			}
		}
		this.touchStatus(incident, by, at);
		this.addLogEntry(incident, {
			type: wasResolved ? 'trigger_log_entry' : 'unacknowledge_log_entry',
			summary: wasResolved ? `Reopened by ${by.name}.` : `Unacknowledged by ${by.name}.`,
			at,
			agent: this.ref(by),
			channel: { type: 'api' },
		});
	}

	resolve(incident: Incident, by: User, at: string): void {
		incident.status = 'resolved';
		incident.resolved_at = at;
		incident.assignments = [];
		incident.pending_actions = [];
		if (incident.alert_counts.all > 0) {
			incident.alert_counts = {
				all: incident.alert_counts.all,
				triggered: 0,
				resolved: incident.alert_counts.all,
			};
		}
		this.touchStatus(incident, by, at);
		this.addLogEntry(incident, {
			type: 'resolve_log_entry',
			summary: `Resolved by ${by.name}.`,
			at,
			agent: this.ref(by),
			channel: { type: 'api' },
		});
	}

	reassign(incident: Incident, assignees: User[], by: User, at: string): void {
		incident.assignments = assignees.map((user) => ({ at, assignee: this.ref(user) }));
		incident.assigned_via = 'direct_assignment';
		incident.updated_at = at;
		this.addLogEntry(incident, {
			type: 'assign_log_entry',
			summary: `Assigned to ${assignees.map((user) => user.name).join(', ')} by ${by.name}.`,
			at,
			agent: this.ref(by),
			channel: { type: 'api' },
			extra: { assignees: assignees.map((user) => this.ref(user)) },
		});
	}

	escalate(
		incident: Incident,
		policy: EscalationPolicy,
		level: number,
		by: User,
		at: string,
	): void {
		const rule = policy.escalation_rules[level - 1];
		const assignees = rule ? this.ruleAssignees(rule, incident.incident_number) : [];
		incident.escalation_policy = this.ref(policy);
		incident.assignments = assignees.map((user) => ({ at, assignee: this.ref(user) }));
		incident.assigned_via = 'escalation_policy';
		incident.updated_at = at;
		this.escalationLevels.set(incident.id, level);
		this.addLogEntry(incident, {
			type: 'escalate_log_entry',
			summary: `Escalated to level ${level} by ${by.name}.`,
			at,
			agent: this.ref(by),
			channel: { type: 'api' },
			extra: { assignees: assignees.map((user) => this.ref(user)) },
		});
	}

	moveToService(incident: Incident, service: Service, at: string): void {
		incident.service = this.ref(service);
		incident.teams = service.teams.slice();
		incident.updated_at = at;
	}

	addNote(incident: Incident, by: User, content: string, at: string): Note {
		const note: Note = {
			id: this.ids.object(),
			user: this.ref(by),
			channel: NOTE_CHANNEL,
			content,
			created_at: at,
			updated_at: at,
		};
		const notes = this.notesByIncident.get(incident.id) ?? [];
		notes.push(note);
		this.notesByIncident.set(incident.id, notes);
		incident.updated_at = at;
		this.addLogEntry(incident, {
			type: 'annotate_log_entry',
			summary: `Note added by ${by.name}.`,
			at,
			agent: this.ref(by),
			channel: { type: 'note', summary: content },
		});
		return note;
	}

	addLogEntry(
		incident: Incident,
		input: {
			id?: string;
			type: string;
			summary: string;
			at: string;
			agent: Reference;
			channel: Record<string, unknown>;
			extra?: Partial<LogEntry>;
		},
	): LogEntry {
		const id = input.id ?? this.ids.logEntry();
		const entry: LogEntry = {
			id,
			type: input.type,
			summary: input.summary,
			self: `${API_BASE}/log_entries/${id}?incident_id=${incident.id}`,
			html_url: `${this.webBase}/incidents/${incident.id}/log_entries/${id}`,
			created_at: input.at,
			agent: input.agent,
			channel: input.channel,
			service: incident.service,
			incident: this.ref(incident),
			teams: incident.teams,
			contexts: [],
			...input.extra,
		};
		this.logEntriesById.set(id, entry);
		const perIncident = this.logEntriesByIncident.get(incident.id) ?? [];
		this.logEntriesByIncident.set(incident.id, perIncident);
		if (this.bulkLoading) {
			this.logEntries.push(entry);
			perIncident.push(entry);
		} else {
			insertSorted(this.logEntries, entry);
			insertSorted(perIncident, entry);
		}
		return entry;
	}

	/**
	 * Seeding writes events out of time order (an incident's resolve comes after later
	 * incidents' triggers); sorting once at the end keeps 30k-incident seeds fast.
	 */
	bulkLoad(load: () => void): void {
		this.bulkLoading = true;
		try {
			load();
		} finally {
			this.bulkLoading = false;
			const byTime = (a: { created_at: string }, b: { created_at: string }): number =>
				a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;
			this.logEntries.sort(byTime); // Array.prototype.sort is stable.
			for (const entries of this.logEntriesByIncident.values()) entries.sort(byTime);
		}
	}

	private insertIncident(incident: Incident): void {
		insertSorted(this.incidents, incident);
		this.incidentsById.set(incident.id, incident);
	}

	private touchStatus(incident: Incident, by: User, at: string): void {
		incident.updated_at = at;
		incident.last_status_change_at = at;
		incident.last_status_change_by = this.ref(by);
	}
}

/** Appends in created_at order; the common case (newest last) is O(1). */
function insertSorted<T extends { created_at: string }>(list: T[], item: T): void {
	let index = list.length;
	while (index > 0 && list[index - 1].created_at > item.created_at) index--;
	list.splice(index, 0, item);
}
