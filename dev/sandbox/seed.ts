/**
 * Deterministic fixture account ("Acme"): 8 users, 3 teams, 2 schedules, 3 escalation policies,
 * 5 services, priorities P1..P4 and N incidents with log entries and notes.
 * Same randomSeed + same now => identical data.
 */
import { Random } from './random';
import {
	API_BASE,
	EscalationPolicy,
	IncidentStatus,
	Priority,
	Reference,
	SandboxStore,
	Schedule,
	Service,
	Team,
	User,
} from './store';

/** The seeded account's subdomain (acme.pagerduty.com) unless SeedOptions.subdomain names another. */
export const DEFAULT_SUBDOMAIN = 'acme';

export interface SeedOptions {
	/** Number of incidents (default 30; 30,000 seeds in well under a second or two). */
	incidents?: number;
	/** PRNG seed (default 20240601). */
	randomSeed?: number;
	/** Anchor for "now" (ISO string or epoch ms); the clock then advances in real time. */
	now?: string | number;
	/** Web subdomain used in html_url (default "acme"). */
	subdomain?: string;
}

export const DEFAULT_ADMIN_EMAIL = 'jane.doe@example.com';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Incidents are spread over this many days so the default 30-day list window shows them all. */
const INCIDENT_SPREAD_DAYS = 29;

const USER_FIXTURES: Array<
	[name: string, role: string, timeZone: string, jobTitle: string, color: string]
> = [
	['Jane Doe', 'admin', 'America/New_York', 'Engineering Manager', 'purple'],
	['Alex Morgan', 'owner', 'America/Los_Angeles', 'VP Engineering', 'green'],
	['Priya Raman', 'user', 'Asia/Kolkata', 'Site Reliability Engineer', 'teal'],
	['Lukas Becker', 'user', 'Europe/Berlin', 'Backend Engineer', 'orange'],
	['Sofia Rossi', 'user', 'Europe/Rome', 'Payments Engineer', 'red'],
	['Kenji Sato', 'user', 'Asia/Tokyo', 'Platform Engineer', 'blue'],
	['Maria Garcia', 'limited_user', 'Europe/Madrid', 'Support Lead', 'brown'],
	['Tom Walsh', 'observer', 'Europe/Dublin', 'Product Manager', 'cyan'],
];

const TEAM_FIXTURES: Array<[name: string, description: string, members: number[]]> = [
	['Platform', 'Core infrastructure and developer platform.', [0, 2, 3, 5]],
	['Payments', 'Checkout and payment processing.', [0, 1, 4]],
	['Customer Support', 'Support tooling and customer communications.', [6, 7, 2]],
];

const TITLE_TEMPLATES = [
	'High CPU usage on {host}',
	'Disk usage above 90% on {host}',
	'{service}: 5xx error rate above threshold',
	'{service}: p99 latency SLO burn rate high',
	'TLS certificate for {domain} expires in 7 days',
	'Queue backlog growing on {queue}',
	'{service}: health check failing',
	'Database replication lag on {host}',
	'Memory pressure on {host}',
	'{service}: elevated timeouts from upstream',
];
const HOSTS = ['web-01', 'web-02', 'api-03', 'db-primary', 'db-replica-2', 'worker-07', 'cache-01'];
const DOMAINS = ['acme.example.com', 'checkout.acme.example.com', 'status.acme.example.com'];
const QUEUES = ['email-outbound', 'payment-events', 'search-reindex'];
const NOTE_TEXTS = [
	'Investigating, looks related to the last deploy.',
	'Rolled back to the previous release.',
	'Scaled the worker pool; monitoring.',
	'Root cause: expired credentials for the upstream provider.',
	'Customer impact confirmed for EU users only.',
];

function webBase(subdomain: string): string {
	return `https://${subdomain}.pagerduty.com`;
}

export function isoSeconds(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function slugEmail(name: string): string {
	return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
}

export function resolveNow(now: string | number | undefined): number {
	if (now === undefined) return Date.now();
	const ms = typeof now === 'number' ? now : Date.parse(now);
	if (Number.isNaN(ms)) throw new Error(`Invalid seed.now: ${String(now)}`);
	return ms;
}

/** Builds a fresh store seeded from the options; the clock starts at `now` and advances. */
export function createSeededStore(options: SeedOptions = {}): SandboxStore {
	const anchor = resolveNow(options.now);
	const realStart = Date.now();
	const clock =
		options.now === undefined ? () => Date.now() : () => anchor + (Date.now() - realStart);
	const random = new Random(options.randomSeed ?? 20240601);
	const web = webBase(options.subdomain ?? DEFAULT_SUBDOMAIN);
	const store = new SandboxStore(random, web, clock);
	seedAccount(store, random, web, anchor, options.incidents ?? 30);
	return store;
}

function seedAccount(
	store: SandboxStore,
	random: Random,
	web: string,
	now: number,
	incidentCount: number,
): void {
	const accountCreated = isoSeconds(now - 400 * DAY_MS);

	const users: User[] = USER_FIXTURES.map(([name, role, timeZone, jobTitle, color]) => {
		const id = store.ids.object();
		return {
			id,
			type: 'user',
			summary: name,
			self: `${API_BASE}/users/${id}`,
			html_url: `${web}/users/${id}`,
			name,
			email: slugEmail(name),
			time_zone: timeZone,
			color,
			role,
			avatar_url: 'https://pd-static-assets.pagerduty.com/users/blank-avatar.png',
			description: '',
			invitation_sent: false,
			job_title: jobTitle,
			teams: [],
			contact_methods: [],
			notification_rules: [],
		};
	});
	for (const user of users) {
		const contactId = store.ids.object();
		const ruleId = store.ids.object();
		user.contact_methods.push({
			id: contactId,
			type: 'email_contact_method_reference',
			summary: 'Default',
			self: `${API_BASE}/users/${user.id}/contact_methods/${contactId}`,
			html_url: null,
		});
		user.notification_rules.push({
			id: ruleId,
			type: 'assignment_notification_rule_reference',
			summary: '0 minutes: channel ' + contactId,
			self: `${API_BASE}/users/${user.id}/notification_rules/${ruleId}`,
			html_url: null,
		});
	}
	store.users.push(...users);

	const teams: Team[] = TEAM_FIXTURES.map(([name, description]) => {
		const id = store.ids.object();
		return {
			id,
			type: 'team',
			summary: name,
			self: `${API_BASE}/teams/${id}`,
			html_url: `${web}/teams/${id}`,
			name,
			description,
			default_role: 'manager',
			parent: null,
		};
	});
	TEAM_FIXTURES.forEach(([, , members], teamIndex) => {
		for (const member of members) users[member].teams.push(store.ref(teams[teamIndex]));
	});
	store.teams.push(...teams);

	const schedules: Schedule[] = [
		['Platform Primary', 'Europe/Berlin', [2, 3, 5], 0],
		['Payments Primary', 'America/New_York', [0, 4], 1],
	].map(([name, timeZone, members, team]) => {
		const id = store.ids.object();
		return {
			id,
			type: 'schedule' as const,
			summary: name as string,
			self: `${API_BASE}/schedules/${id}`,
			html_url: `${web}/schedules/${id}`,
			name: name as string,
			description: `Weekly rotation for ${name as string}.`,
			time_zone: timeZone as string,
			users: (members as number[]).map((index) => store.ref(users[index])),
			escalation_policies: [],
			teams: [store.ref(teams[team as number])],
		};
	});
	store.schedules.push(...schedules);

	const policySpecs: Array<[name: string, team: number, rules: Reference[][]]> = [
		['Platform On-Call', 0, [[store.ref(schedules[0])], [store.ref(users[0])]]],
		[
			'Payments On-Call',
			1,
			[[store.ref(schedules[1])], [store.ref(users[1]), store.ref(users[0])]],
		],
		[
			'Support Escalation',
			2,
			[[store.ref(users[6])], [store.ref(users[2])], [store.ref(users[0])]],
		],
	];
	const policies: EscalationPolicy[] = policySpecs.map(([name, team, rules]) => {
		const id = store.ids.object();
		return {
			id,
			type: 'escalation_policy',
			summary: name,
			self: `${API_BASE}/escalation_policies/${id}`,
			html_url: `${web}/escalation_policies/${id}`,
			name,
			description: '',
			num_loops: 1,
			on_call_handoff_notifications: 'if_has_services',
			escalation_rules: rules.map((targets, index) => ({
				id: store.ids.object(),
				escalation_delay_in_minutes: 15 + index * 15,
				targets,
				escalation_rule_assignment_strategy: { type: 'assign_to_everyone' },
			})),
			services: [],
			teams: [store.ref(teams[team])],
		};
	});
	schedules[0].escalation_policies.push(store.ref(policies[0]));
	schedules[1].escalation_policies.push(store.ref(policies[1]));
	store.escalationPolicies.push(...policies);

	const serviceSpecs: Array<[name: string, policy: number, description: string]> = [
		['Web Frontend', 0, 'Public website and single-page app.'],
		['Checkout API', 1, 'Cart, checkout and order placement.'],
		['Payments Gateway', 1, 'Card processing and payouts.'],
		['Search Indexer', 0, 'Catalog search indexing pipeline.'],
		['Customer Email', 2, 'Transactional and support email delivery.'],
	];
	const services: Service[] = serviceSpecs.map(([name, policyIndex, description]) => {
		const id = store.ids.object();
		const policy = policies[policyIndex];
		return {
			id,
			type: 'service',
			summary: name,
			self: `${API_BASE}/services/${id}`,
			html_url: `${web}/service-directory/${id}`,
			name,
			description,
			auto_resolve_timeout: 14400,
			acknowledgement_timeout: 1800,
			created_at: accountCreated,
			updated_at: accountCreated,
			status: 'active',
			last_incident_timestamp: null,
			escalation_policy: store.ref(policy),
			teams: policy.teams.slice(),
			integrations: [],
			incident_urgency_rule: { type: 'constant', urgency: 'high' },
			support_hours: null,
			scheduled_actions: [],
			alert_creation: 'create_alerts_and_incidents',
			alert_grouping_parameters: { type: null },
			auto_pause_notifications_parameters: { enabled: false, timeout: null },
		};
	});
	for (const service of services) {
		const policy = policies.find((candidate) => candidate.id === service.escalation_policy.id);
		policy?.services.push(store.ref(service));
	}
	store.services.push(...services);

	const priorityFixtures: Array<[string, string, string]> = [
		['P1', 'Critical: widespread customer impact.', 'a8171c'],
		['P2', 'High: major feature degraded for many customers.', 'eb6016'],
		['P3', 'Moderate: limited impact, needs attention today.', 'f9b406'],
		['P4', 'Low: minor issue, handle in business hours.', '5c8b9e'],
	];
	const priorities: Priority[] = priorityFixtures.map(([name, description, color], index) => {
		const id = store.ids.object();
		return {
			id,
			type: 'priority',
			summary: name,
			self: `${API_BASE}/priorities/${id}`,
			html_url: null,
			name,
			description,
			order: (priorityFixtures.length - index) * 1024,
			color,
			account_default: false,
			schema_version: 0,
		};
	});
	store.priorities.push(...priorities);

	store.abilities.push(
		'advanced_reports',
		'coordinated_responding',
		'event_rules',
		'manage_schedules',
		'preview_incident_alert_grouping',
		'read_only_users',
		'service_support_hours',
		'teams',
		'urgencies',
	);

	store.bulkLoad(() =>
		seedIncidents(store, random, { users, services, policies, priorities }, now, incidentCount),
	);
}

function seedIncidents(
	store: SandboxStore,
	random: Random,
	fixtures: {
		users: User[];
		services: Service[];
		policies: EscalationPolicy[];
		priorities: Priority[];
	},
	now: number,
	count: number,
): void {
	const spreadMs = INCIDENT_SPREAD_DAYS * DAY_MS;
	const times: number[] = [];
	for (let i = 0; i < count; i++)
		times.push(now - 5 * MINUTE_MS - Math.floor(random.next() * spreadMs));
	times.sort((a, b) => a - b);
	// Only the admin is guaranteed to be able to act on every incident.
	const responders = fixtures.users.filter((user) => user.role !== 'observer');

	for (const createdMs of times) {
		const service = random.pick(fixtures.services);
		const policy = fixtures.policies.find(
			(candidate) => candidate.id === service.escalation_policy.id,
		);
		if (!policy) throw new Error('seed: service without escalation policy');
		const status = pickStatus(random);
		const title = random
			.pick(TITLE_TEMPLATES)
			.replace('{host}', random.pick(HOSTS))
			.replace('{service}', service.name)
			.replace('{domain}', random.pick(DOMAINS))
			.replace('{queue}', random.pick(QUEUES));
		const viaIntegration = random.chance(0.7);
		const creator = random.pick(responders);
		const salt = random.int(0, 1000);
		const assignees = store.ruleAssignees(policy.escalation_rules[0], salt);
		const at = isoSeconds(createdMs);

		const incident = store.createIncident({
			title,
			service,
			escalationPolicy: policy,
			assignees,
			urgency: random.chance(0.7) ? 'high' : 'low',
			priority: random.chance(0.5) ? random.pick(fixtures.priorities) : null,
			incidentKey: viaIntegration ? random.hex(32) : null,
			body: random.chance(0.4)
				? { type: 'incident_body', details: `Seeded details for: ${title}` }
				: null,
			conferenceBridge: null,
			incidentType: 'incident_default',
			agent: viaIntegration ? store.ref(service) : store.ref(creator),
			channel: viaIntegration ? { type: 'api' } : { type: 'web_trigger', summary: title },
			at,
		});

		// Lifecycle events stay before "now" so nothing lies in the future.
		let cursor = createdMs;
		const step = (maxMinutes: number): string => {
			cursor = Math.min(now - 1000, cursor + random.int(1, maxMinutes) * MINUTE_MS);
			return isoSeconds(Math.max(cursor, createdMs));
		};
		const actor = assignees[0] ?? creator;
		const acknowledged = status === 'acknowledged' || (status === 'resolved' && random.chance(0.7));
		if (acknowledged) store.acknowledge(incident, actor, step(20));
		const noteCount = random.chance(0.3) ? random.int(1, 2) : 0;
		for (let i = 0; i < noteCount; i++) {
			store.addNote(incident, random.pick(responders), random.pick(NOTE_TEXTS), step(30));
		}
		if (status === 'resolved') store.resolve(incident, actor, step(240));
	}
}

function pickStatus(random: Random): IncidentStatus {
	const roll = random.next();
	if (roll < 0.6) return 'resolved';
	if (roll < 0.8) return 'acknowledged';
	return 'triggered';
}
