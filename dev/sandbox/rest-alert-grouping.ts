/**
 * Alert grouping settings: how a service's alerts are grouped into incidents (by content, by
 * time, intelligently, or by content and intelligently). The config must fit the type, as
 * PagerDuty checks it: the contract cannot, its `config` is an `anyOf` of open objects. A time
 * window of 0 means PagerDuty's recommended window; a timeout of 0, until the incident resolves.
 */
import { invalidInput } from './errors';
import { findById, paginateAfter, queryList, RestHandler, RestRequest } from './rest-common';
import { API_BASE, Reference, SandboxStore } from './store';

export type GroupingType = 'content_based' | 'content_based_intelligent' | 'intelligent' | 'time';

export interface AlertGroupingSetting {
	id: string;
	type: GroupingType;
	self: string;
	name: string | null;
	description: string | null;
	config: Record<string, unknown>;
	services: Reference[];
	created_at: string;
	updated_at: string;
}

interface SettingInput {
	name?: string | null;
	description?: string | null;
	type?: GroupingType;
	config?: Record<string, unknown>;
	services?: Array<{ id: string }>;
}

/** PagerDuty's average inter-arrival window the sandbox shows as recommended (0 asks for it). */
const RECOMMENDED_TIME_WINDOW = 900;

const between = (value: unknown, min: number, max: number) =>
	Number.isInteger(value) &&
	((value as number) === 0 || ((value as number) >= min && (value as number) <= max));

/** Per type: the config keys it takes, and the problems of a config. */
const CONFIG_RULES: Record<
	GroupingType,
	{ keys: string[]; problems(config: Record<string, unknown>): string[] }
> = {
	content_based: {
		keys: ['aggregate', 'fields', 'time_window'],
		problems: (config) => contentProblems(config, 86400),
	},
	content_based_intelligent: {
		keys: ['aggregate', 'fields', 'time_window'],
		problems: (config) => contentProblems(config, 3600),
	},
	intelligent: {
		keys: ['time_window', 'iag_fields'],
		problems: (config) => [
			...timeWindowProblems(config, 3600),
			...(config.iag_fields === undefined || isStringList(config.iag_fields)
				? []
				: ['config.iag_fields must be a list of field names']),
		],
	},
	time: {
		keys: ['timeout'],
		problems: (config) =>
			between(config.timeout, 60, 86400)
				? []
				: ['config.timeout must be 0 (until the incident resolves) or 60 to 86400 seconds'],
	},
};

const isStringList = (value: unknown) =>
	Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

function timeWindowProblems(config: Record<string, unknown>, max: number): string[] {
	if (config.time_window === undefined || between(config.time_window, 300, max)) return [];
	return [`config.time_window must be 0 (recommended) or 300 to ${max} seconds`];
}

function contentProblems(config: Record<string, unknown>, maxWindow: number): string[] {
	const problems = timeWindowProblems(config, maxWindow);
	if (!['all', 'any'].includes(String(config.aggregate)))
		problems.push("config.aggregate must be 'all' or 'any'");
	if (!isStringList(config.fields) || (config.fields as string[]).length === 0)
		problems.push('config.fields must list at least one field');
	return problems;
}

function checkConfig(
	type: GroupingType,
	config: Record<string, unknown> | undefined,
): Record<string, unknown> {
	if (!config) throw invalidInput(['config is required']);
	const rules = CONFIG_RULES[type];
	const foreign = Object.keys(config).filter(
		(key) => !rules.keys.includes(key) && key !== 'recommended_time_window',
	);
	const problems = [
		...foreign.map((key) => `config.${key} does not apply to ${type} grouping`),
		...rules.problems(config),
	];
	if (problems.length > 0) throw invalidInput(problems);
	// recommended_time_window is PagerDuty's to set (read-only): not stored.
	return Object.fromEntries(
		Object.entries(config).filter(([key]) => key !== 'recommended_time_window'),
	);
}

/** The services of a setting: they must exist; content-based intelligent grouping takes exactly one. */
function checkServices(
	store: SandboxStore,
	type: GroupingType,
	input: Array<{ id: string }>,
): Reference[] {
	if (input.length === 0) throw invalidInput(['services must list at least one service']);
	if (type === 'content_based_intelligent' && input.length !== 1)
		throw invalidInput(['content_based_intelligent grouping applies to exactly one service']);
	return input.map(({ id }) => {
		const service = store.service(id);
		if (!service) throw invalidInput([`Service ${id} not found`]);
		return store.ref(service);
	});
}

const SEED_CONFIGS: Array<[GroupingType, Record<string, unknown>]> = [
	['content_based', { aggregate: 'all', fields: ['source', 'component'], time_window: 0 }],
	['time', { timeout: 0 }],
	['intelligent', { time_window: 300, iag_fields: ['summary'] }],
	['content_based_intelligent', { aggregate: 'any', fields: ['summary'], time_window: 3600 }],
	['time', { timeout: 900 }],
];

/** 32 settings across the seeded services (enough for `after` paging); every third has no name. */
export const alertGroupingSettings = (store: SandboxStore) =>
	store.collection<AlertGroupingSetting>('alertGroupingSettings', (seeded) =>
		Array.from({ length: 32 }, (_, index) => {
			const [type, config] = SEED_CONFIGS[index % SEED_CONFIGS.length];
			const services = seeded.services;
			const first = services[index % services.length];
			const second = services[(index + 1) % services.length];
			const id = seeded.ids.object();
			return {
				id,
				type,
				self: `${API_BASE}/alert_grouping_settings/${id}`,
				name: index % 3 === 2 ? null : `Grouping ${index + 1}`,
				description: null,
				config: { ...config },
				services: (type === 'content_based_intelligent' || index % 2 === 0
					? [first]
					: [first, second]
				).map((service) => seeded.ref(service)),
				created_at: seeded.nowIso(),
				updated_at: seeded.nowIso(),
			};
		}),
	);

function existing(store: SandboxStore, request: RestRequest): AlertGroupingSetting {
	return findById(alertGroupingSettings(store), request.match.pathParams.id);
}

/** Answers show the recommended window where the config asks for it (time_window 0). */
function render(setting: AlertGroupingSetting): unknown {
	if (setting.config.time_window === undefined) return setting;
	return {
		...setting,
		config: { ...setting.config, recommended_time_window: RECOMMENDED_TIME_WINDOW },
	};
}

const inputOf = (request: RestRequest) =>
	(request.match.body as { alert_grouping_setting: SettingInput }).alert_grouping_setting;

export const ALERT_GROUPING_HANDLERS: Record<string, RestHandler> = {
	'GET /alert_grouping_settings': (store, request) => {
		const serviceIds = queryList(request, 'service_ids[]');
		const settings = alertGroupingSettings(store).filter(
			(setting) =>
				!serviceIds || setting.services.some((service) => serviceIds.includes(service.id)),
		);
		return paginateAfter(request, settings, 'alert_grouping_settings', render);
	},
	'POST /alert_grouping_settings': (store, request) => {
		const input = inputOf(request);
		if (!input.type) throw invalidInput(['type is required']);
		const config = checkConfig(input.type, input.config);
		const services = checkServices(store, input.type, input.services ?? []);
		const id = store.ids.object();
		const at = store.nowIso();
		const setting: AlertGroupingSetting = {
			id,
			type: input.type,
			self: `${API_BASE}/alert_grouping_settings/${id}`,
			name: input.name ?? null,
			description: input.description ?? null,
			config,
			services,
			created_at: at,
			updated_at: at,
		};
		alertGroupingSettings(store).push(setting);
		return { status: 201, body: { alert_grouping_setting: render(setting) } };
	},
	'GET /alert_grouping_settings/{id}': (store, request) => ({
		status: 200,
		body: { alert_grouping_setting: render(existing(store, request)) },
	}),
	// The services stay when left out; a new type needs a config that fits it.
	'PUT /alert_grouping_settings/{id}': (store, request) => {
		const setting = existing(store, request);
		const input = inputOf(request);
		const type = input.type ?? setting.type;
		const config = checkConfig(
			type,
			input.config ?? (type === setting.type ? setting.config : undefined),
		);
		const services = input.services
			? checkServices(store, type, input.services)
			: checkServices(store, type, setting.services);
		Object.assign(setting, {
			type,
			config,
			services,
			...(input.name !== undefined && { name: input.name }),
			...(input.description !== undefined && { description: input.description }),
			updated_at: store.nowIso(),
		});
		return { status: 200, body: { alert_grouping_setting: render(setting) } };
	},
	'DELETE /alert_grouping_settings/{id}': (store, request) => {
		const setting = existing(store, request);
		const list = alertGroupingSettings(store);
		list.splice(list.indexOf(setting), 1);
		return { status: 204, body: null };
	},
};
