import { byId, itemMarker, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import {
	DAY_MS,
	expectGetOrNotFound,
	HOUR_MS,
	hourAhead,
	iso,
	seededShiftSchedules,
} from './shift-schedules';
import type { V3Override } from '../../dev/sandbox/rest-v3-schedules';

const pagerDuty = useSandbox();

const { store, named, userId } = seededShiftSchedules(pagerDuty);
const platform = () => named('Platform Weekly');
const weekend = () => named('Payments Weekend');
const onSchedule = (scheduleId: string) => ({
	resource: 'shiftOverride',
	shiftScheduleId: byId(scheduleId),
});
const member = (name: string) => ({ type: 'user_member', user_id: userId(name) });

describe('Shift-Based Override → Create', () => {
	it('overrides a member of a rotation and shows in the final schedule', async () => {
		const [rotation] = platform().rotations;
		const start = hourAhead(2);
		const final = async () =>
			(
				jsonOf(
					await pagerDuty.run({
						resource: 'shiftSchedule',
						operation: 'get',
						shiftScheduleId: byId(platform().id),
						options: { includeFinalSchedule: true, since: iso(start), until: iso(start + HOUR_MS) },
					}),
				)[0].final_schedule as {
					computed_shift_assignments: Array<{ member: unknown; source: unknown }>;
				}
			).computed_shift_assignments;
		const [{ member: onCall }] = await final();
		const onCallName = store().user((onCall as { user_id: string }).user_id)!.name;
		pagerDuty.sandbox.requests.length = 0;
		const result = await pagerDuty.run({
			...onSchedule(platform().id),
			operation: 'create',
			overrideOf: 'rotation',
			rotationId: rotation.id,
			start: iso(start),
			end: iso(start + HOUR_MS),
			overriddenMember: userId(onCallName),
			overridingMember: userId('Jane Doe'),
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/v3/schedules/${platform().id}/overrides`,
			status: 201,
		});
		expect(request.body).toEqual({
			overrides: [
				{
					type: 'override_shift',
					rotation_id: rotation.id,
					start_time: iso(start),
					end_time: iso(start + HOUR_MS),
					overriding_member: member('Jane Doe'),
					overridden_member: member(onCallName),
				},
			],
		});
		const [override] = jsonOf(result);
		expect(override).toMatchObject({ type: 'override_shift', rotation_id: rotation.id });
		expect(await final()).toEqual([
			expect.objectContaining({
				member: member('Jane Doe'),
				source: {
					type: 'schedule_rotation_override',
					rotation_id: rotation.id,
					override_id: override.id,
				},
			}),
		]);
	});

	it('overrides a member of a custom shift, EMPTY taking nobody', async () => {
		const [shift] = weekend().customShifts;
		const start = Date.parse(shift.start_time);
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'create',
			overrideOf: 'customShift',
			customShiftId: shift.id,
			start: iso(start + 13 * HOUR_MS),
			end: iso(start + 14 * HOUR_MS),
			overriddenMember: userId('Sofia Rossi'),
			overridingMember: 'EMPTY',
		});
		expect(pagerDuty.restRequests()[0].body).toMatchObject({
			overrides: [{ custom_shift_id: shift.id, overriding_member: { type: 'empty_member' } }],
		});
		expect(jsonOf(result)[0]).toMatchObject({ custom_shift_id: shift.id });
		expect(weekend().overrides).toHaveLength(2);
	});

	it('refuses bad times or members before sending, and passes on the 400 for a rotation of another schedule', async () => {
		const [rotation] = platform().rotations;
		const start = hourAhead(5);
		const result = await pagerDuty.run(
			{
				...onSchedule('={{ $json.schedule }}'),
				operation: 'create',
				overrideOf: 'rotation',
				rotationId: rotation.id,
				start: iso(start),
				end: '={{ $json.end }}',
				overriddenMember: '={{ $json.replaced }}',
				overridingMember: userId('Jane Doe'),
			},
			{
				items: [
					{ schedule: platform().id, end: iso(start), replaced: userId('Tom Walsh') },
					{ schedule: platform().id, end: iso(start + HOUR_MS), replaced: '' },
					{ schedule: weekend().id, end: iso(start + HOUR_MS), replaced: userId('Tom Walsh') },
				],
				continueOnFail: true,
			},
		);
		const [backwards, noMember, foreign] = jsonOf(result);
		expect(backwards.error).toMatch(/^"End" must be after "Start"/);
		expect(backwards.error).toMatch(itemMarker(0));
		expect(noMember.error).toMatch(/^"Overridden Member" must not be empty/);
		expect(foreign.error).toBe('PagerDuty 400: Invalid Request (code 2001)');
		expect(foreign.description).toMatch(
			/overrides\[0\]\.rotation_id: rotation not found in this schedule/,
		);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Shift-Based Override → Get Many', () => {
	it('lists overrides overlapping the window, cut at its ends unless Overflow', async () => {
		const [override] = weekend().overrides;
		const start = Date.parse(override.start_time);
		const run = (options: object) =>
			pagerDuty.run({
				...onSchedule(weekend().id),
				operation: 'getAll',
				since: iso(start + HOUR_MS),
				until: iso(start + DAY_MS),
				returnAll: true,
				options,
			} as never);
		const cut = jsonOf(await run({}));
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since: iso(start + HOUR_MS),
			until: iso(start + DAY_MS),
			limit: '100',
			offset: '0',
		});
		expect(cut).toEqual([{ ...override, start_time: iso(start + HOUR_MS) }]);
		expect(jsonOf(await run({ overflow: true }))).toEqual([override]);
	});

	it('pages past 100 overrides without a total and stops at the Limit', async () => {
		const [template] = weekend().overrides;
		const start = hourAhead(1);
		for (let index = 0; index < 101; index++)
			weekend().overrides.push({
				...template,
				id: `POV${String(index).padStart(4, '0')}`,
				start_time: iso(start + index * HOUR_MS),
				end_time: iso(start + (index + 1) * HOUR_MS),
			} satisfies V3Override);
		const window = { since: iso(start), until: iso(start + 101 * HOUR_MS) };
		const all = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'getAll',
			...window,
			returnAll: true,
		});
		expect(pagerDuty.restRequests().map((request) => queryOf(request).offset)).toEqual([
			'0',
			'100',
		]);
		expect(jsonOf(all)).toHaveLength(101);
		const some = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'getAll',
			...window,
			limit: 2,
		});
		expect(jsonOf(some).map((override) => override.id)).toEqual(['POV0000', 'POV0001']);
	});
});

describe('Shift-Based Override → Get, Update and Delete', () => {
	it('reads one override, and 404 for an unknown one', async () => {
		const [override] = weekend().overrides;
		await expectGetOrNotFound(
			pagerDuty,
			onSchedule(weekend().id),
			'overrideId',
			override,
			`/v3/schedules/${weekend().id}/overrides/${override.id}`,
		);
	});

	it('changes the overriding member and the end, sending only those', async () => {
		const [override] = weekend().overrides;
		const end = Date.parse(override.end_time) + HOUR_MS;
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'update',
			overrideId: override.id,
			updateFields: { end: iso(end), overridingMember: userId('Kenji Sato') },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'PUT',
			status: 200,
			body: { override: { end_time: iso(end), overriding_member: member('Kenji Sato') } },
		});
		expect(jsonOf(result)[0]).toMatchObject({
			start_time: override.start_time,
			end_time: iso(end),
			overridden_member: member('Sofia Rossi'),
			overriding_member: member('Kenji Sato'),
		});
	});

	it('refuses an empty update before sending', async () => {
		const [override] = weekend().overrides;
		const result = await pagerDuty.run(
			{
				...onSchedule(weekend().id),
				operation: 'update',
				overrideId: override.id,
				updateFields: {},
			},
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toMatch(/^Add at least one field under "Update Fields"/);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it('deletes an override and returns its ID with the schedule ID', async () => {
		const [override] = weekend().overrides;
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'delete',
			overrideId: override.id,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({ method: 'DELETE', status: 204 });
		expect(jsonOf(result)).toEqual([{ deleted: true, id: override.id, schedule_id: weekend().id }]);
		expect(weekend().overrides).toEqual([]);
	});
});
