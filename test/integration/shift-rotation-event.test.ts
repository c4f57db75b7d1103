import { byId, itemMarker, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import {
	DAY_MS,
	expectGetOrNotFound,
	HOUR_MS,
	iso,
	seededShiftSchedules,
	tokyo,
} from './shift-schedules';
import type { V3Event, V3Rotation } from '../../dev/sandbox/rest-v3-schedules';

const pagerDuty = useSandbox();

const { named, userId } = seededShiftSchedules(pagerDuty);
/** A whole hour some days ahead, so events starting there lie in the future. */
const daysAhead = (days: number) => Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + days * DAY_MS;

/** An empty rotation on the seeded empty schedule, made through the sandbox. */
function emptyRotation(): { scheduleId: string; rotation: V3Rotation } {
	const schedule = named('Support Daily');
	const id = `PROT${schedule.rotations.length}`;
	const rotation: V3Rotation = {
		id,
		type: 'schedule_rotation',
		events: [],
		self: `${schedule.self}/rotations/${id}`,
		html_url: `${schedule.html_url}/rotations/${id}`,
	};
	schedule.rotations.push(rotation);
	return { scheduleId: schedule.id, rotation };
}

const target = (scheduleId: string, rotationId: string) => ({
	resource: 'shiftRotationEvent',
	shiftScheduleId: byId(scheduleId),
	rotationId,
});

const weekly = (start: number) => ({
	name: 'Business hours',
	startTime: iso(start),
	endTime: iso(start + 8 * HOUR_MS),
	timeZone: 'Europe/Madrid',
	recurrence: 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU\nEXDATE:20261225T090000Z',
	effectiveSince: iso(start),
	assignment: 'rotating_member_assignment_strategy',
	shiftsPerMember: 2,
	members: `${userId('Maria Garcia')}, EMPTY ,${userId('Tom Walsh')}`,
});

describe('Shift Rotation Event → Create', () => {
	it("sends the event in PagerDuty's shape and returns it", async () => {
		const { scheduleId, rotation } = emptyRotation();
		const start = daysAhead(3);
		const result = await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'create',
			...weekly(start),
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v3/schedules/${scheduleId}/rotations/${rotation.id}/events`,
			status: 201,
		});
		expect(request.body).toEqual({
			event: {
				name: 'Business hours',
				start_time: { date_time: iso(start), time_zone: 'Europe/Madrid' },
				end_time: { date_time: iso(start + 8 * HOUR_MS), time_zone: 'Europe/Madrid' },
				effective_since: iso(start),
				recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU', 'EXDATE:20261225T090000Z'],
				assignment_strategy: {
					type: 'rotating_member_assignment_strategy',
					shifts_per_member: 2,
					members: [
						{ type: 'user_member', user_id: userId('Maria Garcia') },
						{ type: 'empty_member' },
						{ type: 'user_member', user_id: userId('Tom Walsh') },
					],
				},
			},
		});
		const [event] = jsonOf(result);
		expect(event).toMatchObject({ type: 'schedule_event', effective_until: null });
		expect(rotation.events.map((stored) => stored.id)).toEqual([event.id]);
	});

	it('starts now when Effective Since is empty, and sends no shifts per member for everyone', async () => {
		const { scheduleId, rotation } = emptyRotation();
		const before = Date.now();
		const result = await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'create',
			...weekly(daysAhead(1)),
			effectiveSince: '',
			recurrence: 'RRULE:FREQ=DAILY',
			assignment: 'every_member_assignment_strategy',
		});
		expect(result.error).toBeUndefined();
		const { event } = pagerDuty.restRequests()[0].body as { event: Record<string, unknown> };
		expect(Date.parse(event.effective_since as string)).toBeGreaterThanOrEqual(before - 1000);
		expect(event.assignment_strategy).not.toHaveProperty('shifts_per_member');
		expect(jsonOf(result)[0]).toMatchObject({
			assignment_strategy: { type: 'every_member_assignment_strategy' },
		});
	});

	it("reads times without an offset in the workflow's time zone, and sends them in UTC", async () => {
		const { scheduleId, rotation } = emptyRotation();
		const start = daysAhead(2);
		// The event's own Time Zone is what its recurrence is reckoned in, not how its times are read.
		const result = await pagerDuty.run(
			{
				...target(scheduleId, rotation.id),
				operation: 'create',
				...weekly(start),
				startTime: tokyo(start),
				endTime: tokyo(start + 8 * HOUR_MS),
				effectiveSince: tokyo(start),
				effectiveUntil: tokyo(start + 30 * DAY_MS),
			},
			{ timezone: 'Asia/Tokyo' },
		);
		expect(result.error).toBeUndefined();
		const { event } = pagerDuty.restRequests()[0].body as { event: Record<string, unknown> };
		expect(event).toMatchObject({
			start_time: { date_time: iso(start), time_zone: 'Europe/Madrid' },
			end_time: { date_time: iso(start + 8 * HOUR_MS), time_zone: 'Europe/Madrid' },
			effective_since: iso(start),
			effective_until: iso(start + 30 * DAY_MS),
		});
	});

	it('refuses a bad recurrence, member list or window before sending, naming field and item', async () => {
		const { scheduleId, rotation } = emptyRotation();
		const start = daysAhead(2);
		const cases: Array<[Record<string, string>, RegExp]> = [
			[
				{ recurrence: 'RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY' },
				/^"Recurrence" must hold exactly one RRULE: line/,
			],
			[{ recurrence: 'RRULE:INTERVAL=2' }, /^"Recurrence" must give the RRULE a FREQ/],
			[
				{ recurrence: 'RRULE:FREQ=DAILY\nFOO:BAR' },
				/^"Recurrence" may hold only RRULE, EXDATE and RDATE lines, not "FOO:BAR"/,
			],
			[
				{ members: Array(21).fill(userId('Tom Walsh')).join(',') },
				/^"Members" must name 1 to 20 members/,
			],
			[{ members: 'P-1' }, /^"Members" must be a PagerDuty ID/],
			[{ endTime: iso(start - HOUR_MS) }, /^"End Time" must be after "Start Time"/],
			[{ timeZone: '' }, /^"Time Zone" is needed with "Start Time" and "End Time"/],
		];
		const result = await pagerDuty.run(
			{
				...target(scheduleId, rotation.id),
				operation: 'create',
				...weekly(start),
				...Object.fromEntries(
					['recurrence', 'members', 'endTime', 'timeZone'].map((field) => [
						field,
						`={{ $json.${field} ?? ${JSON.stringify(weekly(start)[field as 'members'])} }}`,
					]),
				),
			},
			{ items: cases.map(([item]) => item), continueOnFail: true },
		);
		const errors = jsonOf(result).map((item) => item.error as string);
		cases.forEach(([, message], index) => {
			expect(errors[index]).toMatch(message);
			expect(errors[index]).toMatch(itemMarker(index));
		});
		expect(pairedItemsOf(result)).toEqual(cases.map((_, index) => index));
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("passes on PagerDuty's v3 400 with the fields it names", async () => {
		const { scheduleId, rotation } = emptyRotation();
		const result = await pagerDuty.run(
			{
				...target(scheduleId, rotation.id),
				operation: 'create',
				...weekly(daysAhead(400)),
				members: 'PNOPE42',
			},
			{ continueOnFail: true },
		);
		const [failed] = jsonOf(result);
		expect(failed.error).toBe('PagerDuty 400: Invalid Request (code 2001)');
		expect(failed.description).toMatch(
			/event\.assignment_strategy\.members\[0\]\.user_id: user not found/,
		);
		expect(failed.description).toMatch(
			/event\.effective_since: Date cannot be more than 12 months in the future/,
		);
	});
});

describe('Shift Rotation Event → Get and Get Many', () => {
	it('reads one event, and 404 for an unknown one', async () => {
		const schedule = named('Platform Weekly');
		const [rotation] = schedule.rotations;
		const [event] = rotation.events;
		await expectGetOrNotFound(
			pagerDuty,
			target(schedule.id, rotation.id),
			'eventId',
			event,
			`/v3/schedules/${schedule.id}/rotations/${rotation.id}/events/${event.id}`,
		);
	});

	it('pages past 100 events without a total, and stops at the Limit', async () => {
		const { scheduleId, rotation } = emptyRotation();
		const [template] = named('Platform Weekly').rotations[0].events;
		for (let index = 0; index < 105; index++)
			rotation.events.push({ ...template, id: `PEV${String(index).padStart(4, '0')}` } as V3Event);
		const all = await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'getAll',
			returnAll: true,
		});
		expect(pagerDuty.restRequests().map((request) => queryOf(request))).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
		expect(jsonOf(all).map((event) => event.id)).toEqual(rotation.events.map((event) => event.id));
		const some = await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'getAll',
			limit: 3,
		});
		expect(jsonOf(some).map((event) => event.id)).toEqual(['PEV0000', 'PEV0001', 'PEV0002']);
	});
});

describe('Shift Rotation Event → Update', () => {
	async function createFuture() {
		const { scheduleId, rotation } = emptyRotation();
		await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'create',
			...weekly(daysAhead(5)),
		});
		pagerDuty.sandbox.requests.length = 0;
		return { scheduleId, rotation, event: rotation.events[0] };
	}

	it('changes any field of a future event, sending only those given', async () => {
		const { scheduleId, rotation, event } = await createFuture();
		const start = daysAhead(6);
		const result = await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'update',
			eventId: event.id,
			updateFields: {
				name: 'Late shift',
				startTime: iso(start),
				endTime: iso(start + 4 * HOUR_MS),
				timeZone: 'UTC',
				assignment: 'every_member_assignment_strategy',
				members: userId('Jane Doe'),
			},
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({ method: 'PUT', status: 200 });
		expect(pagerDuty.restRequests()[0].body).toEqual({
			event: {
				name: 'Late shift',
				start_time: { date_time: iso(start), time_zone: 'UTC' },
				end_time: { date_time: iso(start + 4 * HOUR_MS), time_zone: 'UTC' },
				assignment_strategy: {
					type: 'every_member_assignment_strategy',
					members: [{ type: 'user_member', user_id: userId('Jane Doe') }],
				},
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			name: 'Late shift',
			recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU', 'EXDATE:20261225T090000Z'],
		});
	});

	it("may only end an event under way: other changes come back as PagerDuty's 400", async () => {
		const schedule = named('Platform Weekly');
		const [rotation] = schedule.rotations;
		const [event] = rotation.events;
		const end = daysAhead(10);
		const update = (updateFields: object) =>
			pagerDuty.run(
				{
					...target(schedule.id, rotation.id),
					operation: 'update',
					eventId: event.id,
					updateFields,
				} as never,
				{ continueOnFail: true },
			);
		const [renamed] = jsonOf(await update({ name: 'Renamed' }));
		expect(renamed.error).toBe('PagerDuty 400: Invalid Request (code 2001)');
		expect(renamed.description).toMatch(
			/event\.name: only effective_until of an active event can change/,
		);
		const [ended] = jsonOf(await update({ effectiveUntil: iso(end) }));
		expect(ended).toMatchObject({ id: event.id, effective_until: iso(end) });
	});

	it('refuses an empty update, a time without its zone and members without the assignment, before sending', async () => {
		const { scheduleId, rotation, event } = await createFuture();
		const update = (updateFields: object) =>
			pagerDuty.run(
				{
					...target(scheduleId, rotation.id),
					operation: 'update',
					eventId: event.id,
					updateFields,
				} as never,
				{ continueOnFail: true },
			);
		expect(jsonOf(await update({}))[0].error).toMatch(
			/^Add at least one field under "Update Fields"/,
		);
		expect(jsonOf(await update({ startTime: iso(daysAhead(7)) }))[0].error).toMatch(
			/^"Time Zone" is needed with "Start Time" and "End Time"/,
		);
		expect(jsonOf(await update({ members: userId('Jane Doe') }))[0].error).toMatch(
			/^"Members" and "Assignment" are both needed/,
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Shift Rotation Event → Delete', () => {
	it('deletes the event and returns its ID with its rotation and schedule', async () => {
		const schedule = named('Platform Weekly');
		const [rotation] = schedule.rotations;
		const [event] = rotation.events;
		const result = await pagerDuty.run({
			...target(schedule.id, rotation.id),
			operation: 'delete',
			eventId: event.id,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({ method: 'DELETE', status: 204 });
		expect(jsonOf(result)).toEqual([
			{ deleted: true, id: event.id, rotation_id: rotation.id, schedule_id: schedule.id },
		]);
		expect(rotation.events).toEqual([]);
	});
});

describe('Shift Rotation Event in the final schedule', () => {
	it('puts everyone of a daily event on call in the schedule it was added to', async () => {
		const { scheduleId, rotation } = emptyRotation();
		const start = daysAhead(2);
		await pagerDuty.run({
			...target(scheduleId, rotation.id),
			operation: 'create',
			...weekly(start),
			recurrence: 'RRULE:FREQ=DAILY',
			assignment: 'every_member_assignment_strategy',
			members: `${userId('Jane Doe')},${userId('Kenji Sato')}`,
		});
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'get',
			shiftScheduleId: byId(scheduleId),
			options: { includeFinalSchedule: true, since: iso(start), until: iso(start + DAY_MS) },
		});
		const final = jsonOf(result)[0].final_schedule as {
			rendered_coverage_percentage: number;
			computed_shift_assignments: Array<{ member: { user_id: string } }>;
		};
		expect(final.computed_shift_assignments.map((assignment) => assignment.member.user_id)).toEqual(
			[userId('Jane Doe'), userId('Kenji Sato')],
		);
		// Eight hours of the day.
		expect(final.rendered_coverage_percentage).toBe(33.33);
	});
});
