import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';
import { v3Schedules } from '../../dev/sandbox/rest-v3-schedules';

describe('sandbox: shift-based (v3) schedules', () => {
	const server = useSandboxServer();

	const schedule = (name: string) =>
		v3Schedules(server.sandbox.store).find((item) => item.name === name)!;

	/** POSTs each case's body to `path`: every one is refused with a 400 naming exactly its field. */
	async function expectEachRefused<T>(
		path: string,
		cases: Array<[T, string]>,
		body: (overrides: T) => unknown,
	): Promise<void> {
		for (const [overrides, field] of cases) {
			const answer = await call(server.sandbox.url, 'POST', path, { body: body(overrides) });
			expect({
				overrides,
				status: answer.status,
				fields: Object.keys(answer.body.error.errors),
			}).toEqual({
				overrides,
				status: 400,
				fields: [field],
			});
		}
	}

	it('refuses rotations and escalation policies on create, in the v3 error form', async () => {
		const answer = await call(server.sandbox.url, 'POST', '/v3/schedules', {
			body: { schedule: { name: 'X', time_zone: 'UTC', rotations: [], escalation_policies: [] } },
		});
		expect(answer.status).toBe(400);
		expect(answer.body.error).toMatchObject({ message: 'Invalid Request', code: 2001 });
		expect(Object.keys(answer.body.error.errors).sort()).toEqual([
			'schedule.escalation_policies',
			'schedule.rotations',
		]);
		const zone = await call(server.sandbox.url, 'POST', '/v3/schedules', {
			body: { schedule: { name: 'X', time_zone: 'Nowhere/Land' } },
		});
		expect(zone.body.error.errors).toEqual({
			'schedule.time_zone': ['is not a valid IANA time zone'],
		});
	});

	it('lists references without a total, even when asked for one', async () => {
		const answer = await call(server.sandbox.url, 'GET', '/v3/schedules?total=true&limit=2');
		expect(answer.body).toEqual({
			schedules: [
				expect.objectContaining({ type: 'schedule_v3_reference', summary: 'Payments Weekend' }),
				expect.objectContaining({ type: 'schedule_v3_reference', summary: 'Platform Weekly' }),
			],
			limit: 2,
			offset: 0,
			more: true,
		});
		expect(answer.body.schedules[0]).not.toHaveProperty('name');
	});

	it('creates rotations only with an empty body, and deleting one drops its overrides', async () => {
		const { id } = schedule('Support Daily');
		const refused = await call(server.sandbox.url, 'POST', `/v3/schedules/${id}/rotations`, {
			body: { events: [] },
		});
		expect(refused.status).toBe(400);
		expect(refused.body.error.errors).toHaveProperty('rotation');
		const created = await call(server.sandbox.url, 'POST', `/v3/schedules/${id}/rotations`, {
			body: {},
		});
		expect(created.status).toBe(201);
		const rotationId = created.body.rotation.id;
		schedule('Support Daily').overrides.push({
			...schedule('Payments Weekend').overrides[0],
			custom_shift_id: undefined,
			rotation_id: rotationId,
		});
		const deleted = await call(
			server.sandbox.url,
			'DELETE',
			`/v3/schedules/${id}/rotations/${rotationId}`,
		);
		expect(deleted.status).toBe(204);
		expect(schedule('Support Daily').overrides).toEqual([]);
	});

	it('renders the final schedule of the next two weeks by default, and none without include', async () => {
		const { id } = schedule('Platform Weekly');
		const plain = await call(server.sandbox.url, 'GET', `/v3/schedules/${id}`);
		expect(plain.body.schedule).not.toHaveProperty('final_schedule');
		expect(plain.body.schedule).not.toHaveProperty('customShifts');
		const before = Date.now();
		const final = await call(
			server.sandbox.url,
			'GET',
			`/v3/schedules/${id}?include[]=final_schedule`,
		);
		const assignments = final.body.schedule.final_schedule.computed_shift_assignments;
		expect(Date.parse(assignments[0].start_time)).toBeGreaterThanOrEqual(before - 1000);
		expect(Date.parse(assignments.at(-1).end_time) - Date.parse(assignments[0].start_time)).toBe(
			14 * 86_400_000,
		);
		expect(final.body.schedule.final_schedule.rendered_coverage_percentage).toBe(100);
	});

	describe('rotation events', () => {
		const DAY_MS = 86_400_000;
		const iso = (ms: number) => new Date(ms).toISOString();
		const rotationPath = () => {
			const platform = schedule('Platform Weekly');
			return `/v3/schedules/${platform.id}/rotations/${platform.rotations[0].id}/events`;
		};
		const event = (overrides: Record<string, unknown> = {}) => ({
			event: {
				name: 'Night',
				start_time: { date_time: iso(Date.now() + DAY_MS), time_zone: 'UTC' },
				end_time: { date_time: iso(Date.now() + 2 * DAY_MS), time_zone: 'UTC' },
				effective_since: iso(Date.now() + DAY_MS),
				recurrence: ['RRULE:FREQ=DAILY'],
				assignment_strategy: {
					type: 'rotating_member_assignment_strategy',
					shifts_per_member: 1,
					members: [{ type: 'user_member', user_id: server.sandbox.store.users[0].id }],
				},
				...overrides,
			},
		});

		it("checks PagerDuty's own rules and answers them field by field", async () => {
			const cases: Array<[Record<string, unknown>, string]> = [
				[{ recurrence: ['RRULE:FREQ=DAILY', 'RRULE:FREQ=WEEKLY'] }, 'event.recurrence'],
				[{ recurrence: ['RRULE:COUNT=3'] }, 'event.recurrence'],
				[{ recurrence: ['RRULE:FREQ=DAILY', 'X-FOO:1'] }, 'event.recurrence'],
				[
					{
						assignment_strategy: {
							type: 'rotating_member_assignment_strategy',
							members: [{ type: 'empty_member' }],
						},
					},
					'event.assignment_strategy.shifts_per_member',
				],
				[
					{
						assignment_strategy: {
							type: 'every_member_assignment_strategy',
							members: [{ type: 'user_member', user_id: 'PNOPE42' }],
						},
					},
					'event.assignment_strategy.members[0].user_id',
				],
				[{ effective_since: iso(Date.now() + 400 * DAY_MS) }, 'event.effective_since'],
				[{ end_time: { date_time: iso(Date.now()), time_zone: 'UTC' } }, 'event.end_time'],
			];
			await expectEachRefused(rotationPath(), cases, event);
		});

		it('moves an effective_since in the past to now', async () => {
			const before = Date.now();
			const answer = await call(server.sandbox.url, 'POST', rotationPath(), {
				body: event({ effective_since: iso(before - 10 * DAY_MS) }),
			});
			expect(answer.status).toBe(201);
			expect(Date.parse(answer.body.event.effective_since)).toBeGreaterThanOrEqual(before - 1000);
		});

		it('changes nothing of a past event and only effective_until of an active one', async () => {
			const [seeded] = schedule('Platform Weekly').rotations[0].events;
			const path = `${rotationPath()}/${seeded.id}`;
			const rename = await call(server.sandbox.url, 'PUT', path, {
				body: { event: { name: 'X' } },
			});
			expect(rename.body.error.errors).toEqual({
				'event.name': ['only effective_until of an active event can change'],
			});
			const end = await call(server.sandbox.url, 'PUT', path, {
				body: { event: { effective_until: iso(Date.now() + 1000) } },
			});
			expect(end.status).toBe(200);
			seeded.effective_until = iso(Date.now() - 1000);
			const past = await call(server.sandbox.url, 'PUT', path, {
				body: { event: { effective_until: iso(Date.now() + DAY_MS) } },
			});
			expect(past.body.error.errors).toEqual({ event: ['a past event cannot be changed'] });
		});
	});

	describe('custom shifts', () => {
		const HOUR_MS = 3_600_000;
		const iso = (ms: number) => new Date(ms).toISOString();
		const shift = (start: number, end: number, userId: string) => ({
			type: 'custom_shift',
			start_time: iso(start),
			end_time: iso(end),
			assignments: [{ type: 'shift_assignment', member: { type: 'user_member', user_id: userId } }],
		});

		it('adds all shifts of a request or none, answering each bad one by its index', async () => {
			const { id } = schedule('Support Daily');
			const start = Date.now() + HOUR_MS;
			const user = server.sandbox.store.users[0].id;
			const refused = await call(server.sandbox.url, 'POST', `/v3/schedules/${id}/custom_shifts`, {
				body: {
					custom_shifts: [shift(start, start + HOUR_MS, user), shift(start, start - HOUR_MS, user)],
				},
			});
			expect(refused.status).toBe(400);
			expect(refused.body.error.errors).toEqual({
				'custom_shifts[1].end_time': ['must be after start_time'],
			});
			expect(schedule('Support Daily').customShifts).toEqual([]);
			const created = await call(server.sandbox.url, 'POST', `/v3/schedules/${id}/custom_shifts`, {
				body: {
					custom_shifts: [
						shift(start, start + HOUR_MS, user),
						shift(start, start + 2 * HOUR_MS, user),
					],
				},
			});
			expect(created.status).toBe(201);
			expect(created.body.custom_shifts).toHaveLength(2);
		});

		it('needs a window to list, checks a moved shift as a whole, and drops its overrides with it', async () => {
			const weekend = schedule('Payments Weekend');
			const base = `/v3/schedules/${weekend.id}/custom_shifts`;
			expect((await call(server.sandbox.url, 'GET', base)).status).toBe(400);
			const [first] = weekend.customShifts;
			const moved = await call(server.sandbox.url, 'PUT', `${base}/${first.id}`, {
				body: { custom_shift: { end_time: iso(Date.parse(first.start_time) - HOUR_MS) } },
			});
			expect(moved.body.error.errors).toEqual({
				'custom_shift.end_time': ['must be after start_time'],
			});
			expect(weekend.overrides).toHaveLength(1);
			expect((await call(server.sandbox.url, 'DELETE', `${base}/${first.id}`)).status).toBe(204);
			expect(weekend.overrides).toEqual([]);
		});
	});

	describe('overrides', () => {
		it('override exactly one rotation or custom shift of the schedule, with members that exist', async () => {
			const weekend = schedule('Payments Weekend');
			const [shift] = weekend.customShifts;
			const user = { type: 'user_member', user_id: server.sandbox.store.users[0].id };
			const override = (overrides: Record<string, unknown>) => ({
				overrides: [
					{
						type: 'override_shift',
						start_time: shift.start_time,
						end_time: shift.end_time,
						overridden_member: user,
						overriding_member: user,
						...overrides,
					},
				],
			});
			const path = `/v3/schedules/${weekend.id}/overrides`;
			const cases: Array<[Record<string, unknown>, string]> = [
				[{}, 'overrides[0]'],
				[{ custom_shift_id: shift.id, rotation_id: 'PROT1' }, 'overrides[0]'],
				[{ custom_shift_id: 'PNOPE42' }, 'overrides[0].custom_shift_id'],
				[
					{
						custom_shift_id: shift.id,
						overriding_member: { type: 'user_member', user_id: 'PNOPE42' },
					},
					'overrides[0].overriding_member.user_id',
				],
			];
			await expectEachRefused(path, cases, override);
			const created = await call(server.sandbox.url, 'POST', path, {
				body: override({ custom_shift_id: shift.id }),
			});
			expect(created.status).toBe(201);
			expect(created.body.overrides[0]).toMatchObject({ custom_shift_id: shift.id });
			expect(created.body.overrides[0]).not.toHaveProperty('rotation_id');
		});
	});
});
