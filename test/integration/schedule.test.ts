import type { IDataObject } from 'n8n-workflow';

import { jsonOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const user = (name: string) => store().users.find((candidate) => candidate.name === name)!;
const DAY_MS = 86_400_000;
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A daily rotation Priya → Lukas from 5 January 2026 00:00 UTC, made through the node. */
async function createRotation(): Promise<IDataObject> {
	const result = await pagerDuty.run({
		resource: 'schedule',
		operation: 'create',
		name: 'Database Rotation',
		timeZone: 'UTC',
		layers: {
			layer: [
				{
					start: '2026-01-05T00:00:00Z',
					turnLength: 24,
					turnLengthUnit: 'hours',
					userIds: [user('Priya Raman').id, user('Lukas Becker').id],
				},
			],
		},
	});
	expect(result.error).toBeUndefined();
	pagerDuty.sandbox.clearRequests();
	return jsonOf(result)[0];
}

const entriesOf = (schedule: IDataObject) =>
	(
		(schedule.final_schedule as IDataObject).rendered_schedule_entries as Array<{
			start: string;
			end: string;
			user: { summary: string };
		}>
	).map((entry) => [entry.start, entry.end, entry.user.summary]);

describe('Schedule → Create', () => {
	// Date-times are sent as the same instants in UTC (issue 10, point 7); they were sent as given.
	it("creates the schedule with its layers in PagerDuty's shape (turns in seconds) and returns it", async () => {
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'create',
			name: 'Web Primary',
			timeZone: 'Europe/Berlin',
			layers: {
				layer: [
					{
						name: 'Weekdays',
						start: '2026-11-02T09:00:00+01:00',
						turnLength: 1,
						turnLengthUnit: 'weeks',
						userIds: `${user('Jane Doe').id},${user('Kenji Sato').id}`,
					},
					{
						start: '2026-11-07T00:00:00+01:00',
						rotationVirtualStart: '2026-11-07T09:00:00+01:00',
						end: '2026-12-31T00:00:00+01:00',
						turnLength: 12,
						turnLengthUnit: 'hours',
						userIds: user('Sofia Rossi').id,
					},
				],
			},
			additionalFields: { description: 'Website pager' },
		});

		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/schedules', status: 201 });
		expect(request.body).toEqual({
			schedule: {
				type: 'schedule',
				name: 'Web Primary',
				time_zone: 'Europe/Berlin',
				description: 'Website pager',
				schedule_layers: [
					{
						name: 'Weekdays',
						start: '2026-11-02T08:00:00Z',
						rotation_virtual_start: '2026-11-02T08:00:00Z',
						rotation_turn_length_seconds: 604800,
						users: [
							{ user: { id: user('Jane Doe').id, type: 'user_reference' } },
							{ user: { id: user('Kenji Sato').id, type: 'user_reference' } },
						],
					},
					{
						start: '2026-11-06T23:00:00Z',
						end: '2026-12-30T23:00:00Z',
						rotation_virtual_start: '2026-11-07T08:00:00Z',
						rotation_turn_length_seconds: 43200,
						users: [{ user: { id: user('Sofia Rossi').id, type: 'user_reference' } }],
					},
				],
			},
		});
		const [schedule] = jsonOf(result);
		expect(schedule).toMatchObject({
			type: 'schedule',
			name: 'Web Primary',
			time_zone: 'Europe/Berlin',
			final_schedule: { name: 'Final Schedule' },
		});
		expect(schedule.schedule_layers).toHaveLength(2);
		expect(schedule.html_url).toMatch(/^https:\/\/acme\.pagerduty\.com\/schedules\/P[A-Z0-9]{6}$/);
	});

	it("refuses a layer without users before sending, and shows PagerDuty's 400 for an unknown user", async () => {
		const result = await pagerDuty.run(
			{
				resource: 'schedule',
				operation: 'create',
				name: 'Broken',
				timeZone: 'UTC',
				layers: { layer: [{ start: '2026-01-05T00:00:00Z', userIds: '={{ $json.users }}' }] },
			},
			{ items: [{ users: '' }, { users: 'PNOSUCH' }], continueOnFail: true },
		);
		const [first, second] = jsonOf(result);
		expect(first.error).toBe(
			'"Layers → Layer 1 → Rotation User Names or IDs" needs at least one user [item 0]',
		);
		expect(second.error).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(second.description).toMatch(/User PNOSUCH was not found/);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Schedule → Get', () => {
	it('renders who is on call in the window, in the time zone asked for', async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'get',
			scheduleId: {
				__rl: true,
				mode: 'url',
				value: `https://acme.eu.pagerduty.com/schedules#${String(schedule.id)}`,
			},
			options: {
				since: '2026-01-05T12:00:00Z',
				until: '2026-01-07T12:00:00Z',
				timeZone: 'Europe/Berlin',
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since: '2026-01-05T12:00:00Z',
			until: '2026-01-07T12:00:00Z',
			time_zone: 'Europe/Berlin',
		});
		expect(entriesOf(jsonOf(result)[0])).toEqual([
			['2026-01-05T13:00:00+01:00', '2026-01-06T01:00:00+01:00', 'Priya Raman'],
			['2026-01-06T01:00:00+01:00', '2026-01-07T01:00:00+01:00', 'Lukas Becker'],
			['2026-01-07T01:00:00+01:00', '2026-01-07T13:00:00+01:00', 'Priya Raman'],
		]);
	});

	it("with Overflow, keeps the shifts' real start and end", async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'get',
			scheduleId: String(schedule.id),
			options: { since: '2026-01-05T12:00:00Z', until: '2026-01-05T18:00:00Z', overflow: true },
		});
		expect(queryOf(pagerDuty.restRequests()[0]).overflow).toBe('true');
		expect(entriesOf(jsonOf(result)[0])).toEqual([
			['2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z', 'Priya Raman'],
		]);
	});

	it("fails with PagerDuty's 404 for an unknown schedule", async () => {
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'get',
			scheduleId: 'PNOSUCH',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Schedule → Get Many', () => {
	it('lists schedules by name text, with the rendered parts asked for', async () => {
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'getAll',
			returnAll: true,
			options: { query: 'primary', include: ['final_schedule'], timeZone: 'UTC' },
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			query: 'primary',
			'include[]': 'final_schedule',
			time_zone: 'UTC',
		});
		const schedules = jsonOf(result);
		expect(schedules.map((schedule) => schedule.name)).toEqual([
			'Payments Primary',
			'Platform Primary',
		]);
		expect(schedules[0]).toHaveProperty('final_schedule.rendered_schedule_entries');
		expect(schedules[0]).not.toHaveProperty('schedule_layers');
	});

	it('honours the limit', async () => {
		const result = await pagerDuty.run({ resource: 'schedule', operation: 'getAll', limit: 1 });
		expect(result.items).toHaveLength(1);
	});
});

describe('Schedule → Update', () => {
	it('reads the schedule and sends it back whole with the changes (layers kept)', async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'update',
			scheduleId: String(schedule.id),
			updateFields: { name: 'DB Rotation' },
		});
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(`${read.method} ${read.path}`).toBe(`GET /schedules/${String(schedule.id)}`);
		const [layer] = schedule.schedule_layers as IDataObject[];
		expect(write.body).toEqual({
			schedule: {
				type: 'schedule',
				name: 'DB Rotation',
				description: '',
				time_zone: 'UTC',
				schedule_layers: [
					{
						id: layer.id,
						name: 'Layer 1',
						start: '2026-01-05T00:00:00Z',
						rotation_virtual_start: '2026-01-05T00:00:00Z',
						rotation_turn_length_seconds: 86400,
						users: [
							{ user: { id: user('Priya Raman').id, type: 'user_reference' } },
							{ user: { id: user('Lukas Becker').id, type: 'user_reference' } },
						],
						restrictions: [],
					},
				],
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id: schedule.id,
			name: 'DB Rotation',
			schedule_layers: [expect.objectContaining({ id: layer.id })],
		});
	});

	it('replaces the layers when new ones are given', async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'update',
			scheduleId: String(schedule.id),
			layers: {
				layer: [
					{
						start: '2026-01-05T00:00:00Z',
						turnLength: 2,
						turnLengthUnit: 'days',
						userIds: user('Kenji Sato').id,
					},
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].users).toEqual([
			expect.objectContaining({ id: user('Kenji Sato').id }),
		]);
	});
});

describe('Schedule → Delete', () => {
	it('deletes an unused schedule (204) and returns { deleted, id }', async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'delete',
			scheduleId: String(schedule.id),
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: schedule.id }]);
		expect(pagerDuty.restRequests()[0]).toMatchObject({ method: 'DELETE', status: 204 });
		expect(store().schedule(String(schedule.id))).toBeUndefined();
	});

	it("shows PagerDuty's 400 while an escalation policy uses the schedule", async () => {
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'delete',
			scheduleId: store().schedules[0].id,
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/used by escalation policies \(Platform On-Call\)/);
	});
});

describe('Schedule → Get On-Call Users', () => {
	it('lists the users on call in the window', async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run(
			{
				resource: 'schedule',
				operation: 'getOnCallUsers',
				scheduleId: String(schedule.id),
				returnAll: true,
				options: { since: '={{ $json.since }}', until: '={{ $json.until }}' },
			},
			{
				items: [
					{ since: '2026-01-05T12:00:00Z', until: '2026-01-06T12:00:00Z' },
					{ since: '2026-01-06T12:00:00Z', until: '2026-01-06T13:00:00Z' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.pairedItem, item.json.name])).toEqual([
			[{ item: 0 }, 'Priya Raman'],
			[{ item: 0 }, 'Lukas Becker'],
			[{ item: 1 }, 'Lukas Becker'],
		]);
		expect(pagerDuty.restRequests()[0].path).toBe(`/schedules/${String(schedule.id)}/users`);
	});

	it("fails with PagerDuty's 404 for an unknown schedule", async () => {
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'getOnCallUsers',
			scheduleId: 'PNOSUCH',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Schedule overrides', () => {
	it('creates an override that then shows in the rendered schedule and the override list', async () => {
		const schedule = await createRotation();
		const kenji = user('Kenji Sato');
		const created = await pagerDuty.run({
			resource: 'schedule',
			operation: 'createOverride',
			scheduleId: String(schedule.id),
			userId: { __rl: true, mode: 'list', value: kenji.id },
			start: '2026-01-05T06:00:00Z',
			end: '2026-01-05T18:00:00Z',
		});
		expect(created.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/schedules/${String(schedule.id)}/overrides`,
			status: 201,
		});
		expect(pagerDuty.restRequests()[0].body).toEqual({
			overrides: [
				{
					start: '2026-01-05T06:00:00Z',
					end: '2026-01-05T18:00:00Z',
					user: { id: kenji.id, type: 'user_reference' },
				},
			],
		});
		const [override] = jsonOf(created);
		expect(override).toMatchObject({
			id: expect.stringMatching(/^Q[A-Z0-9]{13}$/),
			start: '2026-01-05T06:00:00Z',
			user: { id: kenji.id },
		});

		const rendered = await pagerDuty.run({
			resource: 'schedule',
			operation: 'get',
			scheduleId: String(schedule.id),
			options: { since: '2026-01-05T00:00:00Z', until: '2026-01-06T00:00:00Z' },
		});
		expect(entriesOf(jsonOf(rendered)[0])).toEqual([
			['2026-01-05T00:00:00Z', '2026-01-05T06:00:00Z', 'Priya Raman'],
			['2026-01-05T06:00:00Z', '2026-01-05T18:00:00Z', 'Kenji Sato'],
			['2026-01-05T18:00:00Z', '2026-01-06T00:00:00Z', 'Priya Raman'],
		]);

		pagerDuty.sandbox.clearRequests();
		const listed = await pagerDuty.run({
			resource: 'schedule',
			operation: 'getAllOverrides',
			scheduleId: String(schedule.id),
			since: '2026-01-05T12:00:00Z',
			until: '2026-01-06T00:00:00Z',
			returnAll: true,
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since: '2026-01-05T12:00:00Z',
			until: '2026-01-06T00:00:00Z',
		});
		expect(jsonOf(listed)).toEqual([
			expect.objectContaining({
				id: override.id,
				start: '2026-01-05T12:00:00Z',
				end: '2026-01-05T18:00:00Z',
			}),
		]);
	});

	// Issue 10, point 6: an override ending before its start is refused before sending now, so the
	// 400 PagerDuty reports for one override is shown with a user PagerDuty does not know.
	it('maps the 400 PagerDuty reports for one override to an error', async () => {
		const schedule = await createRotation();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'createOverride',
			scheduleId: String(schedule.id),
			userId: 'PNOSUCH1',
			start: '2026-01-05T06:00:00Z',
			end: '2026-01-05T18:00:00Z',
		});
		expect(pagerDuty.restRequests()[0].status).toBe(201);
		expect(result.error?.message).toBe(
			'PagerDuty refused the override: User PNOSUCH1 was not found',
		);
	});

	it('refuses an override that ends before it starts, before sending', async () => {
		const schedule = await createRotation();
		pagerDuty.sandbox.clearRequests();
		const result = await pagerDuty.run({
			resource: 'schedule',
			operation: 'createOverride',
			scheduleId: String(schedule.id),
			userId: user('Kenji Sato').id,
			start: '2026-01-05T18:00:00Z',
			end: '2026-01-05T06:00:00Z',
		});
		expect(result.error?.message).toBe('"End" must be after "Start" [item 0]');
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it('lists editable overrides only by ID, up to the limit, and deletes a future one (204)', async () => {
		const schedule = await createRotation();
		const now = Date.now();
		for (const days of [2, 3]) {
			const created = await pagerDuty.run({
				resource: 'schedule',
				operation: 'createOverride',
				scheduleId: String(schedule.id),
				userId: user('Kenji Sato').id,
				start: isoAt(now + days * DAY_MS),
				end: isoAt(now + days * DAY_MS + 3_600_000),
			});
			expect(created.error).toBeUndefined();
		}
		const listed = await pagerDuty.run({
			resource: 'schedule',
			operation: 'getAllOverrides',
			scheduleId: String(schedule.id),
			since: isoAt(now),
			until: isoAt(now + 7 * DAY_MS),
			limit: 1,
			options: { editable: true },
		});
		expect(jsonOf(listed)).toEqual([{ id: expect.any(String) }]);
		const overrideId = String(jsonOf(listed)[0].id);

		pagerDuty.sandbox.clearRequests();
		const deleted = await pagerDuty.run({
			resource: 'schedule',
			operation: 'deleteOverride',
			scheduleId: String(schedule.id),
			overrideId,
		});
		expect(jsonOf(deleted)).toEqual([{ deleted: true, id: overrideId }]);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/schedules/${String(schedule.id)}/overrides/${overrideId}`,
			status: 204,
		});

		const again = await pagerDuty.run({
			resource: 'schedule',
			operation: 'deleteOverride',
			scheduleId: String(schedule.id),
			overrideId,
		});
		expect(again.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});

	it('refuses a malformed window for Get Many Overrides before sending', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'schedule',
				operation: 'getAllOverrides',
				scheduleId: store().schedules[0].id,
				since: '={{ $json.since }}',
				until: '2026-01-06T00:00:00Z',
			},
			{ items: [{ since: 'yesterday' }] },
		);
		expect(result.error?.message).toBe(
			'"Since" must be a date and time such as 2026-11-01T00:00:00Z [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});
