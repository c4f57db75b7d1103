import { byId, itemMarker, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import {
	DAY_MS,
	expectGetOrNotFound,
	HOUR_MS,
	hourAhead,
	iso,
	seededShiftSchedules,
	tokyo,
} from './shift-schedules';
import type { V3CustomShift } from '../../dev/sandbox/rest-v3-schedules';

const pagerDuty = useSandbox();

const { named, userId } = seededShiftSchedules(pagerDuty);
const weekend = () => named('Payments Weekend');
const onSchedule = (scheduleId: string) => ({
	resource: 'shiftCustomShift',
	shiftScheduleId: byId(scheduleId),
});

describe('Custom Shift → Create', () => {
	it('sends one shift per item and returns it; EMPTY makes an unfilled shift', async () => {
		const schedule = named('Support Daily');
		const start = hourAhead(24);
		const result = await pagerDuty.run(
			{
				...onSchedule(schedule.id),
				operation: 'create',
				start: '={{ $json.start }}',
				end: '={{ $json.end }}',
				member: '={{ $json.member }}',
			},
			{
				items: [
					{ start: iso(start), end: iso(start + 8 * HOUR_MS), member: userId('Tom Walsh') },
					{ start: iso(start + DAY_MS), end: iso(start + DAY_MS + HOUR_MS), member: 'empty' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => [request.method, request.path, request.status])).toEqual([
			['POST', `/v3/schedules/${schedule.id}/custom_shifts`, 201],
			['POST', `/v3/schedules/${schedule.id}/custom_shifts`, 201],
		]);
		expect(requests[0].body).toEqual({
			custom_shifts: [
				{
					type: 'custom_shift',
					start_time: iso(start),
					end_time: iso(start + 8 * HOUR_MS),
					assignments: [
						{
							type: 'shift_assignment',
							member: { type: 'user_member', user_id: userId('Tom Walsh') },
						},
					],
				},
			],
		});
		const [filled, unfilled] = jsonOf(result);
		expect(filled).toMatchObject({ type: 'custom_shift', start_time: iso(start) });
		expect(unfilled).toMatchObject({
			assignments: [{ type: 'shift_assignment', member: { type: 'empty_member' } }],
		});
		expect(named('Support Daily').customShifts.map((shift) => shift.id)).toEqual([
			filled.id,
			unfilled.id,
		]);
	});

	it("reads Start and End without an offset in the workflow's time zone, and sends them in UTC", async () => {
		const schedule = named('Support Daily');
		const start = hourAhead(24);
		const result = await pagerDuty.run(
			{
				...onSchedule(schedule.id),
				operation: 'create',
				start: tokyo(start),
				end: tokyo(start + 8 * HOUR_MS),
				member: userId('Tom Walsh'),
			},
			{ timezone: 'Asia/Tokyo' },
		);
		expect(result.error).toBeUndefined();
		const { custom_shifts: shifts } = pagerDuty.restRequests()[0].body as {
			custom_shifts: Array<Record<string, unknown>>;
		};
		expect(shifts[0]).toMatchObject({
			start_time: iso(start),
			end_time: iso(start + 8 * HOUR_MS),
		});
	});

	it('refuses an end before the start or a bad member before sending, and passes on a v3 400', async () => {
		const schedule = named('Support Daily');
		const start = hourAhead(2);
		const result = await pagerDuty.run(
			{
				...onSchedule(schedule.id),
				operation: 'create',
				start: iso(start),
				end: '={{ $json.end }}',
				member: '={{ $json.member }}',
			},
			{
				items: [
					{ end: iso(start - HOUR_MS), member: userId('Tom Walsh') },
					{ end: iso(start + HOUR_MS), member: 'P 1' },
					{ end: iso(start + HOUR_MS), member: 'PNOPE42' },
				],
				continueOnFail: true,
			},
		);
		const [backwards, badMember, unknown] = jsonOf(result);
		expect(backwards.error).toMatch(/^"End" must be after "Start"/);
		expect(backwards.error).toMatch(itemMarker(0));
		expect(badMember.error).toMatch(/^"Member" must be a PagerDuty ID/);
		expect(unknown.error).toBe('PagerDuty 400: Invalid Request (code 2001)');
		expect(unknown.description).toMatch(
			/custom_shifts\[0\]\.assignments\[0\]\.member\.user_id: user not found/,
		);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Custom Shift → Get Many', () => {
	it('sends the window PagerDuty requires and returns the overlapping shifts, cut at its ends', async () => {
		const [first, second] = weekend().customShifts;
		const since = Date.parse(first.start_time) + 12 * HOUR_MS;
		const until = Date.parse(second.start_time) + 6 * HOUR_MS;
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'getAll',
			since: iso(since),
			until: iso(until),
			returnAll: true,
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since: iso(since),
			until: iso(until),
			limit: '100',
			offset: '0',
		});
		expect(jsonOf(result).map((shift) => [shift.id, shift.start_time, shift.end_time])).toEqual([
			[first.id, iso(since), first.end_time],
			[second.id, second.start_time, iso(until)],
		]);
	});

	it('keeps whole shifts with Overflow and renders times in the chosen time zone', async () => {
		const [first] = weekend().customShifts;
		const start = Date.parse(first.start_time);
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'getAll',
			since: iso(start + HOUR_MS),
			until: iso(start + 2 * HOUR_MS),
			returnAll: true,
			options: { overflow: true, timeZone: 'Asia/Tokyo' },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			overflow: 'true',
			time_zone: 'Asia/Tokyo',
		});
		const [shift] = jsonOf(result);
		expect(shift.start_time).toMatch(/\+09:00$/);
		expect(Date.parse(shift.start_time as string)).toBe(start);
		expect(Date.parse(shift.end_time as string)).toBe(Date.parse(first.end_time));
	});

	it('pages past 100 shifts without a total and stops at the Limit', async () => {
		const schedule = named('Support Daily');
		const start = hourAhead(1);
		for (let index = 0; index < 104; index++)
			schedule.customShifts.push({
				id: `PCS${String(index).padStart(4, '0')}`,
				type: 'custom_shift',
				start_time: iso(start + index * HOUR_MS),
				end_time: iso(start + (index + 1) * HOUR_MS),
				assignments: [{ id: 'PA', type: 'shift_assignment', member: { type: 'empty_member' } }],
				self: '',
				html_url: '',
			} satisfies V3CustomShift);
		const window = { since: iso(start), until: iso(start + 200 * HOUR_MS) };
		const all = await pagerDuty.run({
			...onSchedule(schedule.id),
			operation: 'getAll',
			...window,
			returnAll: true,
		});
		expect(pagerDuty.restRequests().map((request) => queryOf(request).offset)).toEqual([
			'0',
			'100',
		]);
		expect(jsonOf(all)).toHaveLength(104);
		const some = await pagerDuty.run({
			...onSchedule(schedule.id),
			operation: 'getAll',
			...window,
			limit: 3,
		});
		expect(jsonOf(some).map((shift) => shift.id)).toEqual(['PCS0000', 'PCS0001', 'PCS0002']);
	});

	it('refuses a window that ends before it starts, or an empty one (PagerDuty would), before sending', async () => {
		const result = await pagerDuty.run(
			{
				...onSchedule(weekend().id),
				operation: 'getAll',
				since: '2026-05-02T00:00:00Z',
				until: '={{ $json.until }}',
			},
			{
				items: [{ until: '2026-05-01T00:00:00Z' }, { until: '2026-05-02T00:00:00Z' }],
				continueOnFail: true,
			},
		);
		const [backwards, empty] = jsonOf(result);
		expect(backwards.error).toMatch(/^"Until" must be after "Since"/);
		expect(backwards.error).toMatch(itemMarker(0));
		expect(empty.error).toMatch(/^"Until" must be after "Since"/);
		expect(empty.error).toMatch(itemMarker(1));
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("reads Since and Until without an offset in the workflow's time zone, and sends them in UTC", async () => {
		const schedule = named('Support Daily');
		const start = hourAhead(1);
		const result = await pagerDuty.run(
			{
				...onSchedule(schedule.id),
				operation: 'getAll',
				since: tokyo(start),
				until: tokyo(start + DAY_MS),
				returnAll: true,
			},
			{ timezone: 'Asia/Tokyo' },
		);
		expect(result.error).toBeUndefined();
		const query = queryOf(pagerDuty.restRequests()[0]);
		expect([query.since, query.until]).toEqual([iso(start), iso(start + DAY_MS)]);
	});
});

describe('Custom Shift → Get, Update and Delete', () => {
	it('reads one shift, and 404 for an unknown one', async () => {
		const [shift] = weekend().customShifts;
		await expectGetOrNotFound(
			pagerDuty,
			onSchedule(weekend().id),
			'customShiftId',
			shift,
			`/v3/schedules/${weekend().id}/custom_shifts/${shift.id}`,
		);
	});

	it('gives a shift to another member, sending only that', async () => {
		const [shift] = weekend().customShifts;
		const { start_time: start, end_time: end } = shift;
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'update',
			customShiftId: shift.id,
			updateFields: { member: userId('Jane Doe') },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'PUT',
			status: 200,
			body: {
				custom_shift: {
					assignments: [
						{
							type: 'shift_assignment',
							member: { type: 'user_member', user_id: userId('Jane Doe') },
						},
					],
				},
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({ id: shift.id, start_time: start, end_time: end });
	});

	it('moves a shift by its start or end alone, and refuses an empty update before sending', async () => {
		const [shift] = weekend().customShifts;
		const end = Date.parse(shift.end_time);
		const update = (updateFields: object) =>
			pagerDuty.run(
				{
					...onSchedule(weekend().id),
					operation: 'update',
					customShiftId: shift.id,
					updateFields,
				} as never,
				{ continueOnFail: true },
			);
		expect(jsonOf(await update({}))[0].error).toMatch(/^Add at least one field/);
		expect(pagerDuty.restRequests()).toHaveLength(0);
		const [moved] = jsonOf(await update({ start: iso(end - HOUR_MS) }));
		expect(pagerDuty.restRequests()[0].body).toEqual({
			custom_shift: { start_time: iso(end - HOUR_MS) },
		});
		expect(moved).toMatchObject({ start_time: iso(end - HOUR_MS), end_time: shift.end_time });
		// PagerDuty checks a start alone against the stored end.
		const [late] = jsonOf(await update({ start: iso(end + HOUR_MS) }));
		expect(late.error).toBe('PagerDuty 400: Invalid Request (code 2001)');
		expect(late.description).toMatch(/custom_shift\.end_time: must be after start_time/);
	});

	it('deletes a shift and returns its ID with the schedule ID', async () => {
		const [shift] = weekend().customShifts;
		const result = await pagerDuty.run({
			...onSchedule(weekend().id),
			operation: 'delete',
			customShiftId: shift.id,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({ method: 'DELETE', status: 204 });
		expect(jsonOf(result)).toEqual([{ deleted: true, id: shift.id, schedule_id: weekend().id }]);
		expect(weekend().customShifts.map((stored) => stored.id)).not.toContain(shift.id);
	});
});
