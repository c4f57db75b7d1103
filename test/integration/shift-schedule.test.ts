import {
	byId,
	credentialTypes,
	itemMarker,
	jsonOf,
	pairedItemsOf,
	queryOf,
	useSandbox,
} from './pagerduty';
import { DAY_MS, HOUR_MS, iso, seededShiftSchedules } from './shift-schedules';
import { callLoadOptions } from '../../dev/harness/engine';
import type { V3Schedule } from '../../dev/sandbox/rest-v3-schedules';
import { v3Schedules } from '../../dev/sandbox/rest-v3-schedules';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';

const pagerDuty = useSandbox();

const WEEK_MS = 7 * DAY_MS;
const { store, named, userId } = seededShiftSchedules(pagerDuty);
const schedules = () => v3Schedules(store());

/** The Monday 09:00 UTC the seeded weekly rotation hands off on, this week. */
function thisMonday(): number {
	const day = new Date(store().nowMs());
	day.setUTCHours(9, 0, 0, 0);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.getTime();
}

/** Adds schedules straight to the sandbox, so Return All crosses PagerDuty's 100-record page. */
function addSchedules(count: number) {
	const [template] = schedules();
	for (let index = 0; index < count; index++) {
		const id = `PV3${String(index).padStart(4, '0')}`;
		schedules().push({
			...template,
			id,
			name: `Bulk ${String(index).padStart(3, '0')}`,
			rotations: [],
			customShifts: [],
			overrides: [],
			teams: [],
			self: `https://api.pagerduty.com/v3/schedules/${id}`,
			html_url: `https://acme.pagerduty.com/schedules/${id}`,
		} satisfies V3Schedule);
	}
}

describe('Shift-Based Schedule → Create', () => {
	it("sends PagerDuty's body and returns the new, empty schedule", async () => {
		const platform = store().teams.find((team) => team.name === 'Platform')!;
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'create',
			name: ' Database On-Call ',
			timeZone: 'Europe/Berlin',
			additionalFields: { description: 'DBAs', teamIds: platform.id },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/v3/schedules', status: 201 });
		expect(request.body).toEqual({
			schedule: {
				name: 'Database On-Call',
				time_zone: 'Europe/Berlin',
				description: 'DBAs',
				teams: [{ id: platform.id, type: 'team_reference' }],
			},
		});
		const [schedule] = jsonOf(result);
		expect(schedule).toMatchObject({
			type: 'schedule_v3',
			name: 'Database On-Call',
			rotations: [],
			html_url: expect.stringMatching(/^https:\/\/acme\.pagerduty\.com\/schedules\/P[A-Z0-9]{6}$/),
		});
		expect(named('Database On-Call').teams.map((team) => team.id)).toEqual([platform.id]);
	});

	it('refuses a bad time zone or an empty name before sending, and passes on a v3 400 with its fields', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'shiftSchedule',
				operation: 'create',
				name: '={{ $json.name }}',
				timeZone: '={{ $json.zone }}',
				additionalFields: { teamIds: '={{ $json.team }}' },
			},
			{
				items: [
					{ name: 'A', zone: 'Mars/Olympus', team: '' },
					{ name: ' ', zone: 'UTC', team: '' },
					{ name: 'B', zone: 'UTC', team: 'PNOPE42' },
				],
				continueOnFail: true,
			},
		);
		const [zone, name, team] = jsonOf(result);
		expect(zone.error).toMatch(/^"Time Zone" must be an IANA time zone/);
		expect(zone.error).toMatch(itemMarker(0));
		expect(name.error).toMatch(/^"Name" must not be empty/);
		expect(team.error).toBe('PagerDuty 400: Invalid Request (code 2001)');
		expect(team.description).toMatch(/schedule\.teams\[0\]\.id: team not found/);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Shift-Based Schedule → Get', () => {
	it('reads the schedule with its rotations and users', async () => {
		const schedule = named('Platform Weekly');
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'get',
			shiftScheduleId: byId(schedule.id),
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/v3/schedules/${schedule.id}`,
			status: 200,
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({});
		const [read] = jsonOf(result);
		expect(read).toMatchObject({
			id: schedule.id,
			type: 'schedule_v3',
			time_zone: 'Europe/Berlin',
		});
		expect(read).not.toHaveProperty('final_schedule');
		expect((read.users as Array<{ summary: string }>).map((user) => user.summary)).toEqual([
			'Priya Raman',
			'Lukas Becker',
			'Kenji Sato',
		]);
		expect(read.rotations).toEqual(schedule.rotations);
	});

	it('computes the final schedule of a weekly rotation in a window, cut at its ends', async () => {
		const schedule = named('Platform Weekly');
		const since = thisMonday() + DAY_MS;
		const until = since + 2 * WEEK_MS;
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'get',
			shiftScheduleId: byId(schedule.id),
			options: { includeFinalSchedule: true, since: iso(since), until: iso(until) },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since: iso(since),
			until: iso(until),
			'include[]': 'final_schedule',
		});
		const final = jsonOf(result)[0].final_schedule as {
			rendered_coverage_percentage: number;
			computed_shift_assignments: Array<{ start_time: string; end_time: string; member: unknown }>;
		};
		// The rotation started four weeks before this Monday: Lukas has this week, Kenji the next, then Priya.
		const rotation = schedule.rotations[0].id;
		expect(final.rendered_coverage_percentage).toBe(100);
		expect(final.computed_shift_assignments).toEqual(
			[
				[since, thisMonday() + WEEK_MS, 'Lukas Becker'],
				[thisMonday() + WEEK_MS, thisMonday() + 2 * WEEK_MS, 'Kenji Sato'],
				[thisMonday() + 2 * WEEK_MS, until, 'Priya Raman'],
			].map(([start, end, name]) => ({
				type: 'computed_shift_assignment',
				start_time: iso(start as number),
				end_time: iso(end as number),
				member: { type: 'user_member', user_id: userId(name as string) },
				source: { type: 'schedule_rotation', rotation_id: rotation },
			})),
		);
	});

	it('applies overrides to custom shifts, keeps whole shifts with Overflow and renders times in a time zone', async () => {
		const schedule = named('Payments Weekend');
		const saturday = thisMonday() + 5 * DAY_MS + WEEK_MS;
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'get',
			shiftScheduleId: byId(schedule.id),
			options: {
				includeFinalSchedule: true,
				since: iso(saturday + 3 * HOUR_MS),
				until: iso(saturday + 4 * DAY_MS),
				overflow: true,
				timeZone: 'UTC',
			},
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			overflow: 'true',
			time_zone: 'UTC',
		});
		const final = jsonOf(result)[0].final_schedule as {
			rendered_coverage_percentage: number;
			computed_shift_assignments: Array<{
				start_time: string;
				end_time: string;
				member: { user_id: string };
				source: { type: string };
			}>;
		};
		const utc = (ms: number) => iso(ms).replace('Z', '+00:00');
		expect(
			final.computed_shift_assignments.map((assignment) => [
				assignment.start_time,
				assignment.end_time,
				assignment.member.user_id,
				assignment.source.type,
			]),
		).toEqual([
			[utc(saturday), utc(saturday + 6 * HOUR_MS), userId('Sofia Rossi'), 'custom_shift'],
			[
				utc(saturday + 6 * HOUR_MS),
				utc(saturday + 12 * HOUR_MS),
				userId('Lukas Becker'),
				'custom_shift_override',
			],
			[utc(saturday + 12 * HOUR_MS), utc(saturday + DAY_MS), userId('Sofia Rossi'), 'custom_shift'],
			[utc(saturday + DAY_MS), utc(saturday + 2 * DAY_MS), userId('Priya Raman'), 'custom_shift'],
		]);
		// 45 of the window's 93 hours are covered.
		expect(final.rendered_coverage_percentage).toBe(Math.round((45 / 93) * 10_000) / 100);
	});

	it('answers 404 for an unknown schedule, paired with its item', async () => {
		const result = await pagerDuty.run(
			{ resource: 'shiftSchedule', operation: 'get', shiftScheduleId: byId('={{ $json.id }}') },
			{ items: [{ id: named('Support Daily').id }, { id: 'PNOPE42' }], continueOnFail: true },
		);
		const [found, missing] = jsonOf(result);
		expect(found).toMatchObject({ name: 'Support Daily', rotations: [], users: [] });
		expect(missing.error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('Shift-Based Schedule → Get Many', () => {
	it('pages without asking for a total (the v3 list has none), across the 100-record page', async () => {
		addSchedules(110);
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'getAll',
			returnAll: true,
		});
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => queryOf(request))).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
		const listed = jsonOf(result);
		expect(listed).toHaveLength(113);
		expect(listed[0]).toEqual({
			id: named('Bulk 000').id,
			type: 'schedule_v3_reference',
			summary: 'Bulk 000',
			self: `https://api.pagerduty.com/v3/schedules/${named('Bulk 000').id}`,
			html_url: `https://acme.pagerduty.com/schedules/${named('Bulk 000').id}`,
		});
	});

	it('filters by name text and team, up to the Limit', async () => {
		const payments = store().teams.find((team) => team.name === 'Payments')!;
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'getAll',
			limit: 5,
			options: { query: 'week', teamIds: payments.id },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			limit: '5',
			offset: '0',
			query: 'week',
			'team_ids[]': payments.id,
		});
		expect(jsonOf(result).map((schedule) => schedule.summary)).toEqual(['Payments Weekend']);
	});
});

describe('Shift-Based Schedule → Update', () => {
	it('sends only the fields given and returns the schedule', async () => {
		const schedule = named('Support Daily');
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'update',
			shiftScheduleId: byId(schedule.id),
			updateFields: { name: 'Support Follow-up', timeZone: 'Europe/Lisbon' },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/v3/schedules/${schedule.id}`,
			status: 200,
			body: { schedule: { name: 'Support Follow-up', time_zone: 'Europe/Lisbon' } },
		});
		expect(jsonOf(result)[0]).toMatchObject({
			name: 'Support Follow-up',
			time_zone: 'Europe/Lisbon',
			description: '',
		});
	});

	it('refuses an empty update or a too long description before sending', async () => {
		const schedule = named('Support Daily');
		const update = (updateFields: object) =>
			pagerDuty.run(
				{
					resource: 'shiftSchedule',
					operation: 'update',
					shiftScheduleId: byId(schedule.id),
					updateFields,
				} as never,
				{ continueOnFail: true },
			);
		const [empty] = jsonOf(await update({}));
		const [long] = jsonOf(await update({ description: 'x'.repeat(1025) }));
		expect(empty.error).toMatch(/^Add at least one field under "Update Fields"/);
		expect(long.error).toMatch(/^"Description" must be at most 1,024 characters/);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Shift-Based Schedule → Delete', () => {
	it('deletes the schedule and returns its ID', async () => {
		const schedule = named('Support Daily');
		const result = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'delete',
			shiftScheduleId: { __rl: true, mode: 'url', value: schedule.html_url },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/v3/schedules/${schedule.id}`,
			status: 204,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: schedule.id }]);
		expect(schedules().map((candidate) => candidate.id)).not.toContain(schedule.id);
	});
});

describe('Shift-Based Schedule rotations', () => {
	it('creates a rotation with an empty body, lists, reads and deletes it', async () => {
		const schedule = named('Support Daily');
		const scheduleId = byId(schedule.id);
		const created = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'createRotation',
			shiftScheduleId: scheduleId,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/v3/schedules/${schedule.id}/rotations`,
			status: 201,
			body: {},
		});
		const rotation = jsonOf(created)[0] as { id: string };
		expect(rotation).toMatchObject({ type: 'schedule_rotation', events: [] });

		const listed = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'getAllRotations',
			shiftScheduleId: scheduleId,
			returnAll: true,
		});
		expect(queryOf(pagerDuty.restRequests().at(-1)!)).toEqual({ limit: '100', offset: '0' });
		expect(jsonOf(listed)).toEqual([rotation]);

		const read = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'getRotation',
			shiftScheduleId: scheduleId,
			rotationId: rotation.id,
		});
		expect(jsonOf(read)).toEqual([rotation]);

		const deleted = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'deleteRotation',
			shiftScheduleId: scheduleId,
			rotationId: rotation.id,
		});
		expect(pagerDuty.restRequests().at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/v3/schedules/${schedule.id}/rotations/${rotation.id}`,
			status: 204,
		});
		expect(jsonOf(deleted)).toEqual([{ deleted: true, id: rotation.id, schedule_id: schedule.id }]);
		expect(named('Support Daily').rotations).toEqual([]);
	});

	it('reads a rotation with only the events in effect within Since–Until', async () => {
		const schedule = named('Platform Weekly');
		const [rotation] = schedule.rotations;
		const read = (since: number, until: number) =>
			pagerDuty.run({
				resource: 'shiftSchedule',
				operation: 'getRotation',
				shiftScheduleId: byId(schedule.id),
				rotationId: rotation.id,
				options: { since: iso(since), until: iso(until) },
			});
		const before = thisMonday() - 10 * WEEK_MS;
		expect(jsonOf(await read(before, before + WEEK_MS))[0].events).toEqual([]);
		expect(jsonOf(await read(thisMonday(), thisMonday() + WEEK_MS))[0].events).toHaveLength(1);
		expect(queryOf(pagerDuty.restRequests().at(-1)!)).toEqual({
			since: iso(thisMonday()),
			until: iso(thisMonday() + WEEK_MS),
		});
	});

	it('cuts the rotation list to the Limit and answers 404 for an unknown rotation', async () => {
		const schedule = named('Support Daily');
		for (let index = 0; index < 3; index++)
			await pagerDuty.run({
				resource: 'shiftSchedule',
				operation: 'createRotation',
				shiftScheduleId: byId(schedule.id),
			});
		const listed = await pagerDuty.run({
			resource: 'shiftSchedule',
			operation: 'getAllRotations',
			shiftScheduleId: byId(schedule.id),
			limit: 2,
		});
		expect(jsonOf(listed).map((rotation) => rotation.id)).toEqual(
			named('Support Daily')
				.rotations.slice(0, 2)
				.map((rotation) => rotation.id),
		);
		const missing = await pagerDuty.run(
			{
				resource: 'shiftSchedule',
				operation: 'getRotation',
				shiftScheduleId: byId(schedule.id),
				rotationId: 'PNOPE42',
			},
			{ continueOnFail: true },
		);
		expect(jsonOf(missing)[0].error).toBe('PagerDuty 404: Not Found (code 2100)');
	});

	it('offers the rotations of the chosen schedule in a dropdown', async () => {
		const schedule = named('Platform Weekly');
		const options = await pagerDuty.loadOptions('getShiftScheduleRotations', {
			resource: 'shiftSchedule',
			operation: 'getRotation',
			shiftScheduleId: byId(schedule.id),
		});
		expect(options).toEqual([{ name: 'Rotation 1 (1 event)', value: schedule.rotations[0].id }]);
	});
});

describe('Shift-Based Schedule locator', () => {
	it('searches shift-based schedules by name and shows their summaries', async () => {
		const page = await callLoadOptions({
			nodeType: new PagerDuty(),
			parameters: { authentication: 'apiToken', resource: 'shiftSchedule', operation: 'get' },
			credentials: pagerDuty.credentialsFor('apiToken'),
			credentialTypes,
			method: 'searchShiftSchedules',
			kind: 'listSearch',
			args: ['pay'],
		});
		const weekend = named('Payments Weekend');
		expect(page.results).toEqual([
			{ name: 'Payments Weekend', value: weekend.id, url: weekend.html_url },
		]);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			limit: '25',
			offset: '0',
			query: 'pay',
		});
	});
});
