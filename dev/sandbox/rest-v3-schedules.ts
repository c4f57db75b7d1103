/**
 * Shift-based (v3) schedules: rotations with recurring events, custom shifts and overrides, and
 * the final schedule they make. Errors come in the v3 form (`errors` is field → messages).
 *
 * The final schedule is computed for events whose RRULE is FREQ=DAILY or FREQ=WEEKLY (with an
 * optional INTERVAL; BYDAY and other parts are not applied), custom shifts and overrides. Event
 * occurrences are reckoned in UTC from `start_time.date_time`; PagerDuty reckons them in the
 * event's time zone, which differs across daylight-saving changes.
 */
import { v3InvalidInput } from './errors';
import {
	findById,
	formatInTimeZone,
	matchesQuery,
	paginate,
	parseTime,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
	RestResponse,
} from './rest-common';
import { API_BASE, Reference, SandboxStore } from './store';

export interface ShiftMember {
	type: 'user_member' | 'empty_member';
	user_id?: string;
}

export interface ZonedDateTime {
	date_time: string;
	time_zone: string;
}

export interface V3Event {
	id: string;
	type: 'schedule_event';
	name: string;
	start_time: ZonedDateTime;
	end_time: ZonedDateTime;
	effective_since: string;
	effective_until: string | null;
	recurrence: string[];
	assignment_strategy: {
		type: 'rotating_member_assignment_strategy' | 'every_member_assignment_strategy';
		shifts_per_member?: number;
		members: ShiftMember[];
	};
	self: string;
	html_url: string;
}

export interface V3Rotation {
	id: string;
	type: 'schedule_rotation';
	events: V3Event[];
	self: string;
	html_url: string;
}

export interface V3CustomShift {
	id: string;
	type: 'custom_shift';
	start_time: string;
	end_time: string;
	assignments: Array<{ id: string; type: 'shift_assignment'; member: ShiftMember }>;
	self: string;
	html_url: string;
}

export interface V3Override {
	id: string;
	type: 'override_shift';
	rotation_id?: string;
	custom_shift_id?: string;
	start_time: string;
	end_time: string;
	overridden_member: ShiftMember;
	overriding_member: ShiftMember;
	self: string;
	html_url: string;
}

export interface V3Schedule {
	id: string;
	type: 'schedule_v3';
	name: string;
	time_zone: string;
	description: string;
	teams: Reference[];
	escalation_policies: Reference[];
	rotations: V3Rotation[];
	customShifts: V3CustomShift[];
	overrides: V3Override[];
	http_cal_url: string;
	web_cal_url: string;
	self: string;
	html_url: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** With only one end given (or none), the final schedule covers two weeks, as v2 schedules do. */
const DEFAULT_WINDOW_MS = 2 * WEEK_MS;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const at = (time: string) => Date.parse(time);
const userMember = (userId: string): ShiftMember => ({ type: 'user_member', user_id: userId });

// ----- state and seed -----

function scheduleUrls(store: SandboxStore, id: string) {
	return {
		self: `${API_BASE}/v3/schedules/${id}`,
		html_url: `${store.webBase}/schedules/${id}`,
		http_cal_url: `${store.webBase}/private/v3/schedules/${id}.ics`,
		web_cal_url: `webcal://${store.webBase.replace(/^https:\/\//, '')}/private/v3/schedules/${id}.ics`,
	};
}

function newSchedule(
	store: SandboxStore,
	input: { name: string; time_zone: string; description?: string; teams?: Reference[] },
): V3Schedule {
	const id = store.ids.object();
	return {
		id,
		type: 'schedule_v3',
		name: input.name,
		time_zone: input.time_zone,
		description: input.description ?? '',
		teams: input.teams ?? [],
		escalation_policies: [],
		rotations: [],
		customShifts: [],
		overrides: [],
		...scheduleUrls(store, id),
	};
}

function newRotation(store: SandboxStore, schedule: V3Schedule): V3Rotation {
	const id = store.ids.object();
	return {
		id,
		type: 'schedule_rotation',
		events: [],
		self: `${schedule.self}/rotations/${id}`,
		html_url: `${schedule.html_url}/rotations/${id}`,
	};
}

type EventInput = Omit<V3Event, 'id' | 'type' | 'self' | 'html_url'>;

function newEvent(store: SandboxStore, rotation: V3Rotation, input: EventInput): V3Event {
	const id = store.ids.object();
	return {
		id,
		type: 'schedule_event',
		...input,
		self: `${rotation.self}/events/${id}`,
		html_url: `${rotation.html_url}/events/${id}`,
	};
}

function newCustomShift(
	store: SandboxStore,
	schedule: V3Schedule,
	input: { start_time: string; end_time: string; member: ShiftMember },
): V3CustomShift {
	const id = store.ids.object();
	return {
		id,
		type: 'custom_shift',
		start_time: input.start_time,
		end_time: input.end_time,
		assignments: [{ id: store.ids.object(), type: 'shift_assignment', member: input.member }],
		self: `${schedule.self}/custom_shifts/${id}`,
		html_url: `${schedule.html_url}/custom_shifts/${id}`,
	};
}

type OverrideInput = Omit<V3Override, 'id' | 'type' | 'self' | 'html_url'>;

function newOverride(store: SandboxStore, schedule: V3Schedule, input: OverrideInput): V3Override {
	const id = store.ids.object();
	return {
		id,
		type: 'override_shift',
		...input,
		self: `${schedule.self}/overrides/${id}`,
		html_url: `${schedule.html_url}/overrides/${id}`,
	};
}

/**
 * Three schedules: a weekly rotation of three Platform engineers (a week each, since 30 days ago);
 * Payments weekend cover with two custom shifts next week and an override of the first; and an
 * empty schedule.
 */
function seedSchedules(store: SandboxStore): V3Schedule[] {
	const [, , priya, lukas, sofia, kenji] = store.users;
	const [platform, payments] = store.teams;
	const monday = (() => {
		const day = new Date(store.nowMs());
		day.setUTCHours(9, 0, 0, 0);
		day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
		return day.getTime();
	})();

	const followTheSun = newSchedule(store, {
		name: 'Platform Weekly',
		time_zone: 'Europe/Berlin',
		description: 'Weekly hand-off on Monday 09:00 UTC.',
		teams: platform ? [store.ref(platform)] : [],
	});
	const rotation = newRotation(store, followTheSun);
	rotation.events.push(
		newEvent(store, rotation, {
			name: 'Weekly on-call',
			start_time: { date_time: iso(monday - 4 * WEEK_MS), time_zone: 'UTC' },
			end_time: { date_time: iso(monday - 3 * WEEK_MS), time_zone: 'UTC' },
			effective_since: iso(monday - 4 * WEEK_MS),
			effective_until: null,
			recurrence: ['RRULE:FREQ=WEEKLY'],
			assignment_strategy: {
				type: 'rotating_member_assignment_strategy',
				shifts_per_member: 1,
				members: [priya, lukas, kenji].map((user) => userMember(user.id)),
			},
		}),
	);
	followTheSun.rotations.push(rotation);

	const weekend = newSchedule(store, {
		name: 'Payments Weekend',
		time_zone: 'America/New_York',
		description: 'Custom weekend cover.',
		teams: payments ? [store.ref(payments)] : [],
	});
	const saturday = monday + 5 * DAY_MS + WEEK_MS;
	for (const [start, user] of [
		[saturday, sofia],
		[saturday + DAY_MS, priya],
	] as const)
		weekend.customShifts.push(
			newCustomShift(store, weekend, {
				start_time: iso(start),
				end_time: iso(start + DAY_MS),
				member: userMember(user.id),
			}),
		);
	const [firstShift] = weekend.customShifts;
	weekend.overrides.push(
		newOverride(store, weekend, {
			custom_shift_id: firstShift.id,
			start_time: iso(saturday + 6 * HOUR_MS),
			end_time: iso(saturday + 12 * HOUR_MS),
			overridden_member: userMember(sofia.id),
			overriding_member: userMember(lukas.id),
		}),
	);

	const empty = newSchedule(store, { name: 'Support Daily', time_zone: 'Europe/Madrid' });
	return [followTheSun, weekend, empty];
}

export const v3Schedules = (store: SandboxStore) =>
	store.collection<V3Schedule>('v3Schedules', seedSchedules);

export function existingV3Schedule(store: SandboxStore, id: string): V3Schedule {
	return findById(v3Schedules(store), id);
}

function existingRotation(schedule: V3Schedule, id: string): V3Rotation {
	return findById(schedule.rotations, id);
}

// ----- the final schedule -----

/** One computed on-call stretch, times in epoch ms. */
interface Stretch {
	start: number;
	end: number;
	member: ShiftMember;
	source: { type: string; rotation_id?: string; shift_id?: string; override_id?: string };
}

/** The period of an event's RRULE when the sandbox can expand it (DAILY/WEEKLY, INTERVAL). */
function periodOf(event: V3Event): number | undefined {
	const rule = event.recurrence.find((line) => line.startsWith('RRULE:'));
	const parts = new Map(
		(rule ?? '')
			.slice('RRULE:'.length)
			.split(';')
			.map((part) => part.split('=') as [string, string]),
	);
	const unit = { DAILY: DAY_MS, WEEKLY: WEEK_MS }[parts.get('FREQ') ?? ''];
	if (unit === undefined || parts.has('BYDAY')) return undefined;
	return unit * Math.max(1, Number(parts.get('INTERVAL') ?? 1) || 1);
}

function eventStretches(
	rotation: V3Rotation,
	event: V3Event,
	since: number,
	until: number,
): Stretch[] {
	const period = periodOf(event);
	if (period === undefined) return [];
	const first = at(event.start_time.date_time);
	const length = at(event.end_time.date_time) - first;
	const effectiveSince = at(event.effective_since);
	const effectiveUntil = event.effective_until ? at(event.effective_until) : Infinity;
	const { members, type, shifts_per_member: perMember = 1 } = event.assignment_strategy;
	const stretches: Stretch[] = [];
	const from = Math.max(0, Math.floor((Math.max(since, effectiveSince) - first - length) / period));
	for (let index = from; first + index * period < Math.min(until, effectiveUntil); index++) {
		const start = Math.max(first + index * period, effectiveSince);
		const end = Math.min(first + index * period + length, effectiveUntil);
		if (end <= start || end <= since) continue;
		const onCall =
			type === 'every_member_assignment_strategy'
				? members
				: [members[Math.floor(index / perMember) % members.length]];
		for (const member of onCall)
			stretches.push({
				start,
				end,
				member,
				source: { type: 'schedule_rotation', rotation_id: rotation.id },
			});
	}
	return stretches;
}

const sameMember = (a: ShiftMember, b: ShiftMember) => a.type === b.type && a.user_id === b.user_id;

/** The stretches with an override applied: the overridden member's time in it goes to the overriding one. */
function applyOverride(stretches: Stretch[], override: V3Override): Stretch[] {
	const start = at(override.start_time);
	const end = at(override.end_time);
	const fromSource = (stretch: Stretch) =>
		override.rotation_id !== undefined
			? stretch.source.rotation_id === override.rotation_id
			: stretch.source.shift_id === override.custom_shift_id;
	const result: Stretch[] = [];
	for (const stretch of stretches) {
		const hit =
			fromSource(stretch) &&
			sameMember(stretch.member, override.overridden_member) &&
			stretch.start < end &&
			stretch.end > start;
		if (!hit) {
			result.push(stretch);
			continue;
		}
		if (stretch.start < start) result.push({ ...stretch, end: start });
		result.push({
			start: Math.max(stretch.start, start),
			end: Math.min(stretch.end, end),
			member: override.overriding_member,
			source: {
				type:
					override.rotation_id !== undefined
						? 'schedule_rotation_override'
						: 'custom_shift_override',
				...(override.rotation_id !== undefined
					? { rotation_id: override.rotation_id }
					: { shift_id: override.custom_shift_id }),
				override_id: override.id,
			},
		});
		if (stretch.end > end) result.push({ ...stretch, start: end });
	}
	return result;
}

/** The part of [since, until] someone (not an empty slot) is on call, in percent. */
function coverage(stretches: Stretch[], since: number, until: number): number {
	const covered = stretches
		.filter((stretch) => stretch.member.type === 'user_member')
		.map((stretch) => [Math.max(stretch.start, since), Math.min(stretch.end, until)])
		.filter(([start, end]) => end > start)
		.sort((a, b) => a[0] - b[0]);
	let total = 0;
	let reached = since;
	for (const [start, end] of covered) {
		if (end <= reached) continue;
		total += end - Math.max(start, reached);
		reached = end;
	}
	return Math.round((total / (until - since)) * 10_000) / 100;
}

function finalSchedule(
	schedule: V3Schedule,
	since: number,
	until: number,
	overflow: boolean,
	timeZone: string | undefined,
): unknown {
	let stretches: Stretch[] = [
		...schedule.rotations.flatMap((rotation) =>
			rotation.events.flatMap((event) => eventStretches(rotation, event, since, until)),
		),
		...schedule.customShifts.map((shift) => ({
			start: at(shift.start_time),
			end: at(shift.end_time),
			member: shift.assignments[0].member,
			source: { type: 'custom_shift', shift_id: shift.id },
		})),
	];
	for (const override of schedule.overrides) stretches = applyOverride(stretches, override);
	const inWindow = stretches
		.filter((stretch) => stretch.start < until && stretch.end > since)
		.sort((a, b) => a.start - b.start || a.end - b.end);
	const render = (ms: number) => renderTime(iso(ms), timeZone);
	return {
		type: 'final_schedule',
		rendered_coverage_percentage: coverage(inWindow, since, until),
		computed_shift_assignments: inWindow.map((stretch) => ({
			type: 'computed_shift_assignment',
			start_time: render(overflow ? stretch.start : Math.max(stretch.start, since)),
			end_time: render(overflow ? stretch.end : Math.min(stretch.end, until)),
			member: stretch.member,
			source: stretch.source,
		})),
	};
}

// ----- rendering -----

const renderTime = (time: string, timeZone: string | undefined) =>
	timeZone ? formatInTimeZone(time, timeZone) : time;

function membersOf(schedule: V3Schedule): ShiftMember[] {
	return [
		...schedule.rotations.flatMap((rotation) =>
			rotation.events.flatMap((event) => event.assignment_strategy.members),
		),
		...schedule.customShifts.map((shift) => shift.assignments[0].member),
		...schedule.overrides.map((override) => override.overriding_member),
	];
}

/** The users on a schedule: every user member of its events, custom shifts and overrides. */
function usersOf(store: SandboxStore, schedule: V3Schedule): Reference[] {
	const ids = [...new Set(membersOf(schedule).flatMap((member) => member.user_id ?? []))];
	return ids.flatMap((id) => {
		const user = store.user(id);
		return user ? [store.ref(user)] : [];
	});
}

export function scheduleReference(schedule: V3Schedule) {
	return {
		id: schedule.id,
		type: 'schedule_v3_reference',
		summary: schedule.name,
		self: schedule.self,
		html_url: schedule.html_url,
	};
}

function renderSchedule(store: SandboxStore, request: RestRequest, schedule: V3Schedule): unknown {
	// Custom shifts and overrides are read through their own endpoints, not with the schedule.
	const body: Partial<V3Schedule> = { ...schedule };
	delete body.customShifts;
	delete body.overrides;
	const rendered: Record<string, unknown> = { ...body, users: usersOf(store, schedule) };
	if (queryList(request, 'include[]')?.includes('final_schedule')) {
		const { since, until } = windowOf(store, request);
		rendered.final_schedule = finalSchedule(
			schedule,
			since,
			until,
			queryValue(request, 'overflow') === 'true',
			queryValue(request, 'time_zone'),
		);
	}
	return rendered;
}

/** since/until of a read; one alone gets a two-week window, none: from now. */
function windowOf(store: SandboxStore, request: RestRequest): { since: number; until: number } {
	const sinceParam = parseTime(request, 'since');
	const untilParam = parseTime(request, 'until');
	const since = sinceParam ?? (untilParam ?? store.nowMs() + DEFAULT_WINDOW_MS) - DEFAULT_WINDOW_MS;
	const until = untilParam ?? since + DEFAULT_WINDOW_MS;
	if (since >= until) throw v3InvalidInput({ since: ['must be before until'] });
	return { since, until };
}

/** A v3 list: PagerDuty's classic offset page, without `total` (the v3 lists have none). */
function pageOf<T>(
	request: RestRequest,
	items: T[],
	key: string,
	render?: (item: T) => unknown,
): RestResponse {
	const answer = paginate(request, items, key, render);
	const body = { ...(answer.body as Record<string, unknown>) };
	delete body.total;
	return { status: answer.status, body };
}

// ----- checks -----

function checkTimeZone(zone: string, field: string, errors: Record<string, string[]>): void {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		errors[field] = ['is not a valid IANA time zone'];
	}
}

const throwIfAny = (errors: Record<string, string[]>) => {
	if (Object.keys(errors).length > 0) throw v3InvalidInput(errors);
};

interface ScheduleInput {
	name?: string;
	time_zone?: string;
	description?: string;
	teams?: Array<{ id: string }>;
	rotations?: unknown;
	escalation_policies?: unknown;
}

function checkScheduleInput(store: SandboxStore, input: ScheduleInput): void {
	const errors: Record<string, string[]> = {};
	if (input.rotations !== undefined)
		errors['schedule.rotations'] = [
			'cannot be set here: create rotations with POST /v3/schedules/{id}/rotations',
		];
	if (input.escalation_policies !== undefined)
		errors['schedule.escalation_policies'] = [
			'cannot be set on a schedule; add the schedule to an escalation policy',
		];
	if (input.name !== undefined && input.name.trim() === '')
		errors['schedule.name'] = ["can't be blank"];
	if (input.time_zone !== undefined) checkTimeZone(input.time_zone, 'schedule.time_zone', errors);
	for (const [index, team] of (input.teams ?? []).entries())
		if (!store.team(team.id)) errors[`schedule.teams[${index}].id`] = ['team not found'];
	throwIfAny(errors);
}

const SCHEDULE_HANDLERS: Record<string, RestHandler> = {
	'GET /v3/schedules': (store, request) => {
		const teamIds = queryList(request, 'team_ids[]');
		const schedules = v3Schedules(store)
			.filter((schedule) => matchesQuery(request, schedule.name))
			.filter((schedule) => !teamIds || schedule.teams.some((team) => teamIds.includes(team.id)))
			.sort((a, b) => a.name.localeCompare(b.name));
		return pageOf(request, schedules, 'schedules', scheduleReference);
	},
	'POST /v3/schedules': (store, request) => {
		const input = (request.match.body as { schedule: ScheduleInput }).schedule;
		checkScheduleInput(store, input);
		const schedule = newSchedule(store, {
			name: input.name!,
			time_zone: input.time_zone!,
			description: input.description,
			teams: (input.teams ?? []).map((team) => store.ref(store.team(team.id)!)),
		});
		v3Schedules(store).push(schedule);
		return { status: 201, body: { schedule: renderSchedule(store, request, schedule) } };
	},
	'GET /v3/schedules/{id}': (store, request) => {
		const schedule = existingV3Schedule(store, request.match.pathParams.id);
		return { status: 200, body: { schedule: renderSchedule(store, request, schedule) } };
	},
	'PUT /v3/schedules/{id}': (store, request) => {
		const schedule = existingV3Schedule(store, request.match.pathParams.id);
		const input = (request.match.body as { schedule: ScheduleInput }).schedule;
		checkScheduleInput(store, input);
		if (input.name !== undefined) schedule.name = input.name;
		if (input.time_zone !== undefined) schedule.time_zone = input.time_zone;
		if (input.description !== undefined) schedule.description = input.description;
		return { status: 200, body: { schedule: renderSchedule(store, request, schedule) } };
	},
	'DELETE /v3/schedules/{id}': (store, request) => {
		const schedules = v3Schedules(store);
		schedules.splice(schedules.indexOf(existingV3Schedule(store, request.match.pathParams.id)), 1);
		return { status: 204, body: null };
	},
	'GET /v3/schedules/{id}/rotations': (store, request) => {
		const schedule = existingV3Schedule(store, request.match.pathParams.id);
		return pageOf(request, schedule.rotations, 'rotations');
	},
	'POST /v3/schedules/{id}/rotations': (store, request) => {
		const schedule = existingV3Schedule(store, request.match.pathParams.id);
		const body = request.match.body;
		// A rotation has no settings of its own: its events carry them.
		if (body !== undefined && body !== null && Object.keys(body as object).length > 0)
			throw v3InvalidInput({ rotation: ['must be created with an empty body; add events to it'] });
		const rotation = newRotation(store, schedule);
		schedule.rotations.push(rotation);
		return { status: 201, body: { rotation } };
	},
	'GET /v3/schedules/{id}/rotations/{rotation_id}': (store, request) => {
		const { id, rotation_id: rotationId } = request.match.pathParams;
		const rotation = existingRotation(existingV3Schedule(store, id), rotationId);
		return { status: 200, body: { rotation: renderRotation(store, request, rotation) } };
	},
	'DELETE /v3/schedules/{id}/rotations/{rotation_id}': (store, request) => {
		const { id, rotation_id: rotationId } = request.match.pathParams;
		const schedule = existingV3Schedule(store, id);
		const rotation = existingRotation(schedule, rotationId);
		schedule.rotations.splice(schedule.rotations.indexOf(rotation), 1);
		schedule.overrides = schedule.overrides.filter(
			(override) => override.rotation_id !== rotationId,
		);
		return { status: 204, body: null };
	},
};

/** A rotation read with since/until: only the events effective at some time in that window. */
function renderRotation(
	store: SandboxStore,
	request: RestRequest,
	rotation: V3Rotation,
): V3Rotation {
	if (parseTime(request, 'since') === undefined && parseTime(request, 'until') === undefined)
		return rotation;
	const { since, until } = windowOf(store, request);
	return {
		...rotation,
		events: rotation.events.filter((event) => effectiveIn(event, since, until)),
	};
}

const effectiveIn = (event: V3Event, since: number, until: number) =>
	at(event.effective_since) < until &&
	(event.effective_until === null || at(event.effective_until) > since);

// ----- rotation events -----

const MAX_FUTURE_MS = 365 * DAY_MS;

interface EventBody {
	name?: string;
	start_time?: ZonedDateTime;
	end_time?: ZonedDateTime;
	effective_since?: string;
	effective_until?: string | null;
	recurrence?: string[];
	assignment_strategy?: V3Event['assignment_strategy'];
}

/** RFC 5545 lines as PagerDuty takes them: exactly one RRULE with FREQ, any EXDATE and RDATE. */
function checkRecurrence(recurrence: string[], errors: Record<string, string[]>): void {
	const rules = recurrence.filter((line) => line.startsWith('RRULE:'));
	const others = recurrence.filter((line) => !/^(RRULE|EXDATE|RDATE)[:;]/.test(line));
	const problems: string[] = [];
	if (rules.length !== 1) problems.push('must contain exactly one RRULE');
	else if (!/(^RRULE:|;)FREQ=[A-Z]+/.test(rules[0])) problems.push('RRULE must have a FREQ');
	if (others.length > 0)
		problems.push(`only RRULE, EXDATE and RDATE lines are allowed: ${others.join(', ')}`);
	if (problems.length > 0) errors['event.recurrence'] = problems;
}

function checkMember(
	store: SandboxStore,
	member: ShiftMember,
	field: string,
	errors: Record<string, string[]>,
): void {
	if (member.type === 'empty_member') return;
	if (!member.user_id || !store.user(member.user_id))
		errors[`${field}.user_id`] = ['user not found'];
}

function checkMembers(
	store: SandboxStore,
	members: ShiftMember[],
	field: string,
	errors: Record<string, string[]>,
): void {
	members.forEach((member, index) => checkMember(store, member, `${field}[${index}]`, errors));
}

/** The event a write leaves (the stored one with the body's changes), checked as a whole. */
function checkedEvent(store: SandboxStore, body: EventBody, current?: V3Event): EventInput {
	const merged = { ...current, ...body } as EventInput;
	const errors: Record<string, string[]> = {};
	if (merged.name === undefined || merged.name.trim() === '')
		errors['event.name'] = ["can't be blank"];
	for (const field of ['start_time', 'end_time'] as const)
		checkTimeZone(merged[field].time_zone, `event.${field}.time_zone`, errors);
	if (at(merged.end_time.date_time) <= at(merged.start_time.date_time))
		errors['event.end_time'] = ['must be after start_time'];
	checkRecurrence(merged.recurrence, errors);
	const strategy = merged.assignment_strategy;
	checkMembers(store, strategy.members, 'event.assignment_strategy.members', errors);
	if (
		strategy.type === 'rotating_member_assignment_strategy' &&
		strategy.shifts_per_member === undefined
	)
		errors['event.assignment_strategy.shifts_per_member'] = [
			'is required for a rotating assignment',
		];
	const now = store.nowMs();
	if (body.effective_since !== undefined && at(body.effective_since) > now + MAX_FUTURE_MS)
		errors['event.effective_since'] = ['Date cannot be more than 12 months in the future'];
	// PagerDuty moves a start in the past to now.
	const since = Math.max(at(merged.effective_since), body.effective_since === undefined ? 0 : now);
	if (merged.effective_until && at(merged.effective_until) <= since)
		errors['event.effective_until'] = ['must be after effective_since'];
	throwIfAny(errors);
	return {
		...merged,
		effective_since: iso(since),
		effective_until: merged.effective_until ?? null,
	};
}

/** What of an event may change: all of a future one, only the end of one under way, nothing of a past one. */
function checkEventChange(store: SandboxStore, event: V3Event, body: EventBody): void {
	const now = store.nowMs();
	if (event.effective_until !== null && at(event.effective_until) <= now)
		throw v3InvalidInput({ event: ['a past event cannot be changed'] });
	const changing = Object.keys(body).filter((field) => field !== 'effective_until');
	if (at(event.effective_since) <= now && changing.length > 0)
		throw v3InvalidInput(
			Object.fromEntries(
				changing.map((field) => [
					`event.${field}`,
					['only effective_until of an active event can change'],
				]),
			),
		);
}

function eventOf(rotation: V3Rotation, id: string): V3Event {
	return findById(rotation.events, id);
}

function rotationOf(store: SandboxStore, request: RestRequest): V3Rotation {
	const { id, rotation_id: rotationId } = request.match.pathParams;
	return existingRotation(existingV3Schedule(store, id), rotationId);
}

const EVENT_HANDLERS: Record<string, RestHandler> = {
	'GET /v3/schedules/{id}/rotations/{rotation_id}/events': (store, request) =>
		pageOf(request, rotationOf(store, request).events, 'events'),
	'POST /v3/schedules/{id}/rotations/{rotation_id}/events': (store, request) => {
		const rotation = rotationOf(store, request);
		const body = (request.match.body as { event: EventBody }).event;
		const event = newEvent(store, rotation, checkedEvent(store, body));
		rotation.events.push(event);
		return { status: 201, body: { event } };
	},
	'GET /v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}': (store, request) => ({
		status: 200,
		body: { event: eventOf(rotationOf(store, request), request.match.pathParams.event_id) },
	}),
	'PUT /v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}': (store, request) => {
		const event = eventOf(rotationOf(store, request), request.match.pathParams.event_id);
		const body = (request.match.body as { event: EventBody }).event;
		checkEventChange(store, event, body);
		Object.assign(event, checkedEvent(store, body, event));
		return { status: 200, body: { event } };
	},
	'DELETE /v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}': (store, request) => {
		const rotation = rotationOf(store, request);
		const event = eventOf(rotation, request.match.pathParams.event_id);
		rotation.events.splice(rotation.events.indexOf(event), 1);
		return { status: 204, body: null };
	},
};

// ----- custom shifts and overrides -----

/** Times of a shift or override: start before end. */
function checkSpan(
	start: string,
	end: string,
	field: string,
	errors: Record<string, string[]>,
): void {
	if (at(end) <= at(start)) errors[`${field}.end_time`] = ['must be after start_time'];
}

/** Shifts or overrides overlapping since–until (required), by start; cut at the window without overflow. */
function windowedList<T extends { start_time: string; end_time: string }>(
	request: RestRequest,
	items: T[],
	key: string,
): RestResponse {
	const since = parseTime(request, 'since')!;
	const until = parseTime(request, 'until')!;
	if (since >= until) throw v3InvalidInput({ since: ['must be before until'] });
	const overflow = queryValue(request, 'overflow') === 'true';
	const timeZone = queryValue(request, 'time_zone');
	const overlapping = items
		.filter((item) => at(item.start_time) < until && at(item.end_time) > since)
		.sort((a, b) => at(a.start_time) - at(b.start_time));
	return pageOf(request, overlapping, key, (item) => ({
		...item,
		start_time: renderTime(
			overflow ? item.start_time : iso(Math.max(at(item.start_time), since)),
			timeZone,
		),
		end_time: renderTime(
			overflow ? item.end_time : iso(Math.min(at(item.end_time), until)),
			timeZone,
		),
	}));
}

interface CustomShiftBody {
	start_time?: string;
	end_time?: string;
	assignments?: Array<{ member: ShiftMember }>;
}

function checkedCustomShift(
	store: SandboxStore,
	body: CustomShiftBody,
	field: string,
	current?: V3CustomShift,
): { start_time: string; end_time: string; member: ShiftMember } {
	const start = body.start_time ?? current!.start_time;
	const end = body.end_time ?? current!.end_time;
	const member = body.assignments?.[0].member ?? current!.assignments[0].member;
	const errors: Record<string, string[]> = {};
	checkSpan(start, end, field, errors);
	checkMember(store, member, `${field}.assignments[0].member`, errors);
	throwIfAny(errors);
	return { start_time: start, end_time: end, member };
}

function customShiftOf(schedule: V3Schedule, id: string): V3CustomShift {
	return findById(schedule.customShifts, id);
}

const CUSTOM_SHIFT_HANDLERS: Record<string, RestHandler> = {
	'GET /v3/schedules/{id}/custom_shifts': (store, request) =>
		windowedList(
			request,
			existingV3Schedule(store, request.match.pathParams.id).customShifts,
			'custom_shifts',
		),
	'POST /v3/schedules/{id}/custom_shifts': (store, request) => {
		const schedule = existingV3Schedule(store, request.match.pathParams.id);
		const bodies = (request.match.body as { custom_shifts: CustomShiftBody[] }).custom_shifts;
		// All or nothing: every shift is checked before any is added.
		const inputs = bodies.map((body, index) =>
			checkedCustomShift(store, body, `custom_shifts[${index}]`),
		);
		const created = inputs.map((input) => newCustomShift(store, schedule, input));
		schedule.customShifts.push(...created);
		return { status: 201, body: { custom_shifts: created } };
	},
	'GET /v3/schedules/{id}/custom_shifts/{custom_shift_id}': (store, request) => {
		const { id, custom_shift_id: shiftId } = request.match.pathParams;
		return {
			status: 200,
			body: { custom_shift: customShiftOf(existingV3Schedule(store, id), shiftId) },
		};
	},
	'PUT /v3/schedules/{id}/custom_shifts/{custom_shift_id}': (store, request) => {
		const { id, custom_shift_id: shiftId } = request.match.pathParams;
		const shift = customShiftOf(existingV3Schedule(store, id), shiftId);
		const body = (request.match.body as { custom_shift: CustomShiftBody }).custom_shift;
		const checked = checkedCustomShift(store, body, 'custom_shift', shift);
		shift.start_time = checked.start_time;
		shift.end_time = checked.end_time;
		shift.assignments[0].member = checked.member;
		return { status: 200, body: { custom_shift: shift } };
	},
	'DELETE /v3/schedules/{id}/custom_shifts/{custom_shift_id}': (store, request) => {
		const { id, custom_shift_id: shiftId } = request.match.pathParams;
		const schedule = existingV3Schedule(store, id);
		schedule.customShifts.splice(
			schedule.customShifts.indexOf(customShiftOf(schedule, shiftId)),
			1,
		);
		schedule.overrides = schedule.overrides.filter(
			(override) => override.custom_shift_id !== shiftId,
		);
		return { status: 204, body: null };
	},
};

interface OverrideBody {
	rotation_id?: string;
	custom_shift_id?: string;
	start_time?: string;
	end_time?: string;
	overridden_member?: ShiftMember;
	overriding_member?: ShiftMember;
}

/** A new override: of exactly one rotation or custom shift of the schedule, members that exist. */
function checkedOverride(
	store: SandboxStore,
	schedule: V3Schedule,
	body: OverrideBody,
	field: string,
): OverrideInput {
	const errors: Record<string, string[]> = {};
	const { rotation_id: rotationId, custom_shift_id: shiftId } = body;
	if ((rotationId === undefined) === (shiftId === undefined))
		errors[field] = ['must name either a rotation_id or a custom_shift_id'];
	else if (rotationId !== undefined && !schedule.rotations.some(({ id }) => id === rotationId))
		errors[`${field}.rotation_id`] = ['rotation not found in this schedule'];
	else if (shiftId !== undefined && !schedule.customShifts.some(({ id }) => id === shiftId))
		errors[`${field}.custom_shift_id`] = ['custom shift not found in this schedule'];
	checkSpan(body.start_time!, body.end_time!, field, errors);
	checkMember(store, body.overridden_member!, `${field}.overridden_member`, errors);
	checkMember(store, body.overriding_member!, `${field}.overriding_member`, errors);
	throwIfAny(errors);
	return {
		...(rotationId !== undefined ? { rotation_id: rotationId } : { custom_shift_id: shiftId }),
		start_time: body.start_time!,
		end_time: body.end_time!,
		overridden_member: body.overridden_member!,
		overriding_member: body.overriding_member!,
	};
}

function overrideOf(schedule: V3Schedule, id: string): V3Override {
	return findById(schedule.overrides, id);
}

const OVERRIDE_HANDLERS: Record<string, RestHandler> = {
	'GET /v3/schedules/{id}/overrides': (store, request) =>
		windowedList(
			request,
			existingV3Schedule(store, request.match.pathParams.id).overrides,
			'overrides',
		),
	'POST /v3/schedules/{id}/overrides': (store, request) => {
		const schedule = existingV3Schedule(store, request.match.pathParams.id);
		const bodies = (request.match.body as { overrides: OverrideBody[] }).overrides;
		const inputs = bodies.map((body, index) =>
			checkedOverride(store, schedule, body, `overrides[${index}]`),
		);
		const created = inputs.map((input) => newOverride(store, schedule, input));
		schedule.overrides.push(...created);
		return { status: 201, body: { overrides: created } };
	},
	'GET /v3/schedules/{id}/overrides/{override_id}': (store, request) => {
		const { id, override_id: overrideId } = request.match.pathParams;
		return {
			status: 200,
			body: { override: overrideOf(existingV3Schedule(store, id), overrideId) },
		};
	},
	'PUT /v3/schedules/{id}/overrides/{override_id}': (store, request) => {
		const { id, override_id: overrideId } = request.match.pathParams;
		const override = overrideOf(existingV3Schedule(store, id), overrideId);
		const body = (request.match.body as { override: OverrideBody }).override;
		const errors: Record<string, string[]> = {};
		const start = body.start_time ?? override.start_time;
		const end = body.end_time ?? override.end_time;
		checkSpan(start, end, 'override', errors);
		if (body.overriding_member)
			checkMember(store, body.overriding_member, 'override.overriding_member', errors);
		throwIfAny(errors);
		override.start_time = start;
		override.end_time = end;
		if (body.overriding_member) override.overriding_member = body.overriding_member;
		return { status: 200, body: { override } };
	},
	'DELETE /v3/schedules/{id}/overrides/{override_id}': (store, request) => {
		const { id, override_id: overrideId } = request.match.pathParams;
		const schedule = existingV3Schedule(store, id);
		schedule.overrides.splice(schedule.overrides.indexOf(overrideOf(schedule, overrideId)), 1);
		return { status: 204, body: null };
	},
};

export const V3_SCHEDULE_HANDLERS: Record<string, RestHandler> = {
	...SCHEDULE_HANDLERS,
	...EVENT_HANDLERS,
	...CUSTOM_SHIFT_HANDLERS,
	...OVERRIDE_HANDLERS,
};
