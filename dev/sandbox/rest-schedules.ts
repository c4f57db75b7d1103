/**
 * Schedules, their layers and overrides. Rendering follows PagerDuty's model: each layer rotates its
 * users every turn from its virtual start; a later layer wins over an earlier one where both cover a
 * time; overrides win over every layer (the newest override first). Restrictions are kept, not applied.
 */
import { invalidInput, notFound } from './errors';
import {
	formatInTimeZone,
	matchesQuery,
	orNotFound,
	paginate,
	parseTime,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
} from './rest-common';
import { API_BASE, Reference, SandboxStore, Schedule } from './store';

export interface ScheduleLayer {
	id: string;
	name: string;
	start: string;
	end: string | null;
	rotation_virtual_start: string;
	rotation_turn_length_seconds: number;
	users: Array<{ user: Reference }>;
	restrictions: unknown[];
}

export interface Override {
	id: string;
	scheduleId: string;
	start: string;
	end: string;
	user: Reference;
}

/** One on-call stretch, times in epoch ms. */
export interface Entry {
	start: number;
	end: number;
	user: Reference;
}

interface LayerInput {
	id?: string;
	name?: string;
	start: string;
	end?: string;
	rotation_virtual_start: string;
	rotation_turn_length_seconds: number;
	users: Array<{ user: { id: string } }>;
	restrictions?: unknown[];
}

interface ScheduleInput {
	name?: string;
	description?: string;
	time_zone: string;
	schedule_layers?: LayerInput[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_SECONDS = 7 * 24 * 60 * 60;
const DEFAULT_WINDOW_MS = 14 * DAY_MS;
const MAX_RENDERED_TURNS = 20_000;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A time as PagerDuty shows it in a time zone (UTC itself as Z). */
export const inZone = (ms: number, timeZone: string | undefined) =>
	timeZone === 'UTC' || timeZone === 'Etc/UTC' ? iso(ms) : formatInTimeZone(iso(ms), timeZone);

/** Layers per schedule; seeded schedules get one weekly rotation that began four weeks ago. */
function layerRecords(store: SandboxStore) {
	return store.collection<{ scheduleId: string; layers: ScheduleLayer[] }>(
		'scheduleLayers',
		(seeded) => {
			const start = iso(Math.floor(seeded.nowMs() / DAY_MS) * DAY_MS - 28 * DAY_MS);
			return seeded.schedules.map((schedule) => ({
				scheduleId: schedule.id,
				layers: [
					{
						id: seeded.ids.object(),
						name: 'Layer 1',
						start,
						end: null,
						rotation_virtual_start: start,
						rotation_turn_length_seconds: WEEK_SECONDS,
						users: schedule.users.map((user) => ({ user })),
						restrictions: [],
					},
				],
			}));
		},
	);
}

export const layersOf = (store: SandboxStore, scheduleId: string): ScheduleLayer[] =>
	layerRecords(store).find((record) => record.scheduleId === scheduleId)?.layers ?? [];

const overridesOf = (store: SandboxStore, scheduleId: string) =>
	store.collection<Override>('overrides').filter((override) => override.scheduleId === scheduleId);

function layerEntries(layer: ScheduleLayer, from: number, to: number): Entry[] {
	const start = Math.max(Date.parse(layer.start), from);
	const end = Math.min(layer.end ? Date.parse(layer.end) : Infinity, to);
	const count = layer.users.length;
	if (start >= end || count === 0) return [];
	const origin = Date.parse(layer.rotation_virtual_start);
	const turn = layer.rotation_turn_length_seconds * 1000;
	if ((end - start) / turn > MAX_RENDERED_TURNS)
		throw invalidInput(['The requested time range holds too many rotation turns']);
	const entries: Entry[] = [];
	for (let k = Math.floor((start - origin) / turn); origin + k * turn < end; k++) {
		entries.push({
			start: Math.max(origin + k * turn, start),
			end: Math.min(origin + (k + 1) * turn, end),
			user: layer.users[((k % count) + count) % count].user,
		});
	}
	return entries;
}

/** Who is on call when, across sources ordered lowest precedence first; neighbours with one user merge. */
function flatten(sources: Entry[][], from: number, to: number): Entry[] {
	const points = new Set<number>([from, to]);
	for (const entry of sources.flat()) {
		if (entry.start > from && entry.start < to) points.add(entry.start);
		if (entry.end > from && entry.end < to) points.add(entry.end);
	}
	const sorted = [...points].sort((a, b) => a - b);
	const result: Entry[] = [];
	for (let index = 0; index + 1 < sorted.length; index++) {
		const [start, end] = [sorted[index], sorted[index + 1]];
		let user: Reference | undefined;
		for (let source = sources.length - 1; source >= 0 && !user; source--) {
			user = sources[source].find((entry) => entry.start <= start && entry.end > start)?.user;
		}
		if (!user) continue;
		const last = result[result.length - 1];
		if (last && last.end === start && last.user.id === user.id) last.end = end;
		else result.push({ start, end, user });
	}
	return result;
}

export const overlaps = (entry: { start: number; end: number }, since: number, until: number) =>
	until > since
		? entry.start < until && entry.end > since
		: entry.start <= since && entry.end > since;

/** Selects the entries touching the window; without overflow they are cut at its bounds. */
function windowed(entries: Entry[], since: number, until: number, overflow: boolean): Entry[] {
	return entries
		.filter((entry) => overlaps(entry, since, until))
		.map((entry) =>
			overflow
				? entry
				: { ...entry, start: Math.max(entry.start, since), end: Math.min(entry.end, until) },
		);
}

/** Renders a schedule for [since, until): each layer, the overrides, and the final schedule. */
export function renderSchedule(
	store: SandboxStore,
	schedule: Schedule,
	since: number,
	until: number,
	overflow: boolean,
) {
	const layers = layersOf(store, schedule.id);
	const overrides = overridesOf(store, schedule.id);
	// Render wider than asked so that entries running past the window keep their true extent.
	const pad = Math.max(
		DAY_MS,
		...layers.map((layer) => layer.rotation_turn_length_seconds * 1000),
		...overrides.map((o) => Date.parse(o.end) - Date.parse(o.start)),
	);
	const [from, to] = [since - pad, Math.max(until, since + 1) + pad];
	const layerSources = layers.map((layer) => flatten([layerEntries(layer, from, to)], from, to));
	const overrideSource = overrides.map((override) => ({
		start: Date.parse(override.start),
		end: Date.parse(override.end),
		user: override.user,
	}));
	const view = (entries: Entry[]) => windowed(entries, since, until, overflow);
	return {
		layers: layers.map((layer, index) => ({ layer, entries: view(layerSources[index]) })),
		overrides: view(
			flatten(
				overrideSource.map((entry) => [entry]),
				from,
				to,
			),
		),
		final: view(flatten([...layerSources, ...overrideSource.map((entry) => [entry])], from, to)),
	};
}

function findSchedule(store: SandboxStore, request: RestRequest): Schedule {
	return orNotFound(store.schedule(request.match.pathParams.id));
}

/** since/until as PagerDuty defaults them: two weeks from whichever is given, else from now. */
function window(store: SandboxStore, request: RestRequest): [number, number] {
	const since = parseTime(request, 'since');
	const until = parseTime(request, 'until');
	const start = since ?? (until !== undefined ? until - DEFAULT_WINDOW_MS : store.nowMs());
	const end = until ?? start + DEFAULT_WINDOW_MS;
	if (end < start) throw invalidInput(['The until parameter must be after the since parameter']);
	return [start, end];
}

function coverage(entries: Entry[], since: number, until: number): number {
	if (until <= since) return 0;
	const covered = entries.reduce(
		(sum, entry) => sum + Math.min(entry.end, until) - Math.max(entry.start, since),
		0,
	);
	return Math.round((covered / (until - since)) * 10000) / 100;
}

/** A schedule as GET /schedules/{id} answers it: layers, overrides and final schedule rendered. */
function scheduleBody(
	store: SandboxStore,
	schedule: Schedule,
	request: RestRequest,
	include?: string[],
): unknown {
	const [since, until] = window(store, request);
	const timeZone = queryValue(request, 'time_zone') ?? schedule.time_zone;
	const rendered = renderSchedule(
		store,
		schedule,
		since,
		until,
		queryValue(request, 'overflow') === 'true',
	);
	const show = (entries: Entry[]) =>
		entries.map((entry) => ({
			start: inZone(entry.start, timeZone),
			end: inZone(entry.end, timeZone),
			user: entry.user,
		}));
	const part = (name: string, entries: Entry[]) => ({
		name,
		rendered_schedule_entries: show(entries),
		rendered_coverage_percentage: coverage(entries, since, until),
	});
	const wants = (name: string) => !include || include.includes(name);
	return {
		...schedule,
		...(wants('schedule_layers') && {
			schedule_layers: rendered.layers.map(({ layer, entries }) => ({
				...layer,
				rendered_schedule_entries: show(entries),
				rendered_coverage_percentage: coverage(entries, since, until),
			})),
		}),
		...(wants('overrides_subschedule') && {
			overrides_subschedule: part('Overrides', rendered.overrides),
		}),
		...(wants('final_schedule') && { final_schedule: part('Final Schedule', rendered.final) }),
	};
}

function checkTimeZone(timeZone: string): string {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return timeZone;
	} catch {
		throw invalidInput(['Time zone is invalid']);
	}
}

function readLayers(
	store: SandboxStore,
	inputs: LayerInput[] | undefined,
	existing: ScheduleLayer[],
): ScheduleLayer[] {
	if (!inputs || inputs.length === 0)
		throw invalidInput(['Schedule must have at least one schedule layer']);
	return inputs.map((input, index) => {
		if (input.users.length === 0)
			throw invalidInput(['Schedule layer must have at least one user']);
		if (input.rotation_turn_length_seconds <= 0)
			throw invalidInput(['Rotation turn length must be greater than 0']);
		if (input.end && Date.parse(input.end) <= Date.parse(input.start))
			throw invalidInput(['Schedule layer end must be after its start']);
		const users = input.users.map(({ user }) => {
			const found = store.user(user.id);
			if (!found) throw invalidInput([`User ${user.id} was not found`]);
			return { user: store.ref(found) };
		});
		const previous = existing.find((layer) => layer.id === input.id);
		return {
			id: previous?.id ?? store.ids.object(),
			name: input.name ?? `Layer ${index + 1}`,
			start: input.start,
			end: input.end ?? null,
			rotation_virtual_start: input.rotation_virtual_start,
			rotation_turn_length_seconds: input.rotation_turn_length_seconds,
			users,
			restrictions: input.restrictions ?? [],
		};
	});
}

function applySchedule(
	store: SandboxStore,
	schedule: Schedule,
	input: ScheduleInput,
	layers: ScheduleLayer[],
): void {
	schedule.time_zone = checkTimeZone(input.time_zone);
	if (input.name !== undefined) schedule.name = schedule.summary = input.name;
	if (input.description !== undefined) schedule.description = input.description;
	const users = new Map(
		layers.flatMap((layer) => layer.users.map(({ user }) => [user.id, user] as const)),
	);
	schedule.users = [...users.values()];
	const records = layerRecords(store);
	const record = records.find((candidate) => candidate.scheduleId === schedule.id);
	if (record) record.layers = layers;
	else records.push({ scheduleId: schedule.id, layers });
}

const createSchedule: RestHandler = (store, request) => {
	const input = (request.match.body as { schedule: ScheduleInput }).schedule;
	const layers = readLayers(store, input.schedule_layers, []);
	const id = store.ids.object();
	const schedule: Schedule = {
		id,
		type: 'schedule',
		summary: input.name ?? '',
		self: `${API_BASE}/schedules/${id}`,
		html_url: `${store.webBase}/schedules/${id}`,
		name: input.name ?? '',
		description: '',
		time_zone: input.time_zone,
		users: [],
		escalation_policies: [],
		teams: [],
	};
	applySchedule(store, schedule, input, layers);
	store.schedules.push(schedule);
	return { status: 201, body: { schedule: scheduleBody(store, schedule, request) } };
};

const updateSchedule: RestHandler = (store, request) => {
	const schedule = findSchedule(store, request);
	const input = (request.match.body as { schedule: ScheduleInput }).schedule;
	const existing = layersOf(store, schedule.id);
	const layers =
		input.schedule_layers === undefined
			? existing
			: readLayers(store, input.schedule_layers, existing);
	applySchedule(store, schedule, input, layers);
	return { status: 200, body: { schedule: scheduleBody(store, schedule, request) } };
};

const deleteSchedule: RestHandler = (store, request) => {
	const schedule = findSchedule(store, request);
	const usedBy = store.escalationPolicies.filter((policy) =>
		policy.escalation_rules.some((rule) =>
			rule.targets.some((target) => target.id === schedule.id),
		),
	);
	if (usedBy.length > 0) {
		throw invalidInput([
			`The schedule is used by escalation policies (${usedBy.map((policy) => policy.name).join(', ')}) and cannot be deleted.`,
		]);
	}
	store.schedules.splice(store.schedules.indexOf(schedule), 1);
	const records = layerRecords(store);
	records.splice(
		records.findIndex((record) => record.scheduleId === schedule.id),
		1,
	);
	const overrides = store.collection<Override>('overrides');
	overrides.splice(
		0,
		overrides.length,
		...overrides.filter((override) => override.scheduleId !== schedule.id),
	);
	return { status: 204, body: null };
};

// ----- overrides -----

function renderOverride(override: Override, timeZone: string) {
	return {
		id: override.id,
		start: inZone(Date.parse(override.start), timeZone),
		end: inZone(Date.parse(override.end), timeZone),
		user: override.user,
	};
}

const listOverrides: RestHandler = (store, request) => {
	const schedule = findSchedule(store, request);
	const [since, until] = window(store, request);
	const editable = queryValue(request, 'editable') === 'true';
	const overflow = queryValue(request, 'overflow') === 'true';
	const overrides = overridesOf(store, schedule.id)
		.filter((override) =>
			overlaps({ start: Date.parse(override.start), end: Date.parse(override.end) }, since, until),
		)
		.filter((override) => !editable || Date.parse(override.end) > store.nowMs())
		.sort((a, b) => a.start.localeCompare(b.start));
	// With editable, PagerDuty lists only the IDs.
	if (editable) return { status: 200, body: { overrides: overrides.map(({ id }) => ({ id })) } };
	const clip = (override: Override): Override =>
		overflow
			? override
			: {
					...override,
					start: iso(Math.max(Date.parse(override.start), since)),
					end: iso(Math.min(Date.parse(override.end), until)),
				};
	return {
		status: 200,
		body: {
			overrides: overrides.map((override) => renderOverride(clip(override), schedule.time_zone)),
		},
	};
};

const createOverrides: RestHandler = (store, request) => {
	const schedule = findSchedule(store, request);
	const inputs = (
		request.match.body as {
			overrides?: Array<{ start: string; end: string; user: { id: string } }>;
		}
	).overrides;
	if (!inputs || inputs.length === 0)
		throw invalidInput(['overrides must list at least one override']);
	const results = inputs.map((input) => {
		const user = store.user(input.user.id);
		const errors = [
			...(user ? [] : [`User ${input.user.id} was not found`]),
			...(Date.parse(input.end) > Date.parse(input.start)
				? []
				: ['Override must end after its start']),
		];
		const override: Override = {
			id: errors.length === 0 ? store.ids.incident() : '',
			scheduleId: schedule.id,
			start: iso(Date.parse(input.start)),
			end: iso(Date.parse(input.end)),
			user: user
				? store.ref(user)
				: { id: input.user.id, type: 'user_reference', summary: '', self: '', html_url: null },
		};
		if (errors.length > 0) {
			const { start, end, user: rejectedUser } = renderOverride(override, schedule.time_zone);
			return { status: 400, errors, override: { start, end, user: rejectedUser } };
		}
		store.collection<Override>('overrides').push(override);
		return { status: 201, override: renderOverride(override, schedule.time_zone) };
	});
	return { status: 201, body: results };
};

const deleteOverride: RestHandler = (store, request) => {
	const schedule = findSchedule(store, request);
	const overrides = store.collection<Override>('overrides');
	const override = overrides.find(
		(candidate) =>
			candidate.scheduleId === schedule.id && candidate.id === request.match.pathParams.override_id,
	);
	if (!override) throw notFound();
	const now = store.nowMs();
	if (Date.parse(override.end) <= now) throw invalidInput(['You cannot remove a past override']);
	if (Date.parse(override.start) < now) {
		// Already under way: PagerDuty ends it now instead (200 rather than 204).
		override.end = iso(now);
		return { status: 200, body: null };
	}
	overrides.splice(overrides.indexOf(override), 1);
	return { status: 204, body: null };
};

export const SCHEDULE_HANDLERS: Record<string, RestHandler> = {
	'GET /schedules': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const include = queryList(request, 'include[]') ?? [];
		const schedules = store.schedules
			.filter((schedule) => matchesQuery(request, schedule.name))
			.filter((schedule) => !teamIds || schedule.teams.some((team) => teamIds.includes(team.id)))
			.sort((a, b) => a.name.localeCompare(b.name));
		return paginate(request, schedules, 'schedules', (schedule) =>
			scheduleBody(store, schedule, request, include),
		);
	},
	'GET /schedules/{id}': (store, request) => ({
		status: 200,
		body: { schedule: scheduleBody(store, findSchedule(store, request), request) },
	}),
	'POST /schedules': createSchedule,
	'PUT /schedules/{id}': updateSchedule,
	'DELETE /schedules/{id}': deleteSchedule,
	'GET /schedules/{id}/users': (store, request) => {
		const schedule = findSchedule(store, request);
		const since = parseTime(request, 'since') ?? store.nowMs();
		const until = parseTime(request, 'until') ?? since;
		if (until < since)
			throw invalidInput(['The until parameter must be after the since parameter']);
		const ids = new Set(
			renderSchedule(store, schedule, since, until, true).final.map((entry) => entry.user.id),
		);
		return { status: 200, body: { users: [...ids].map((id) => store.user(id)).filter(Boolean) } };
	},
	'GET /schedules/{id}/overrides': listOverrides,
	'POST /schedules/{id}/overrides': createOverrides,
	'DELETE /schedules/{id}/overrides/{override_id}': deleteOverride,
};
