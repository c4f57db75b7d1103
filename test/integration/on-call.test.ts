import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const DAY_MS = 86_400_000;
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const named = <T extends { name: string }>(list: T[], name: string) =>
	list.find((entry) => entry.name === name)!;

// The seeded schedules rotate weekly from midnight UTC four weeks ago: Platform Primary through
// Priya, Lukas, Kenji (so Lukas this week, Kenji next week), Payments Primary through Jane, Sofia.
const today = () => Math.floor(Date.now() / DAY_MS) * DAY_MS;

describe('On-Call → Get Many', () => {
	it("lists who is on call now for a policy: the schedule's shift and the user named directly", async () => {
		const policy = named(store().escalationPolicies, 'Platform On-Call');
		const schedule = named(store().schedules, 'Platform Primary');
		const result = await pagerDuty.run({
			resource: 'onCall',
			operation: 'getAll',
			returnAll: true,
			options: { escalationPolicyIds: [policy.id] },
		});

		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'GET', path: '/oncalls', status: 200 });
		expect(queryOf(request)).toEqual({
			'escalation_policy_ids[]': policy.id,
			limit: '100',
			offset: '0',
			total: 'true',
		});
		expect(jsonOf(result)).toEqual([
			{
				escalation_policy: expect.objectContaining({
					id: policy.id,
					type: 'escalation_policy_reference',
					summary: 'Platform On-Call',
				}),
				escalation_level: 1,
				schedule: expect.objectContaining({ id: schedule.id, type: 'schedule_reference' }),
				user: expect.objectContaining({ summary: 'Lukas Becker', type: 'user_reference' }),
				start: isoAt(today()),
				end: isoAt(today() + 7 * DAY_MS),
			},
			{
				escalation_policy: expect.objectContaining({ id: policy.id }),
				escalation_level: 2,
				schedule: null,
				user: expect.objectContaining({ summary: 'Jane Doe' }),
				start: null,
				end: null,
			},
		]);
	});

	it("finds a user's next shift in a window with PagerDuty's filters, in the time zone asked for", async () => {
		const schedule = named(store().schedules, 'Platform Primary');
		const kenji = named(store().users, 'Kenji Sato');
		const since = isoAt(Date.now());
		const until = isoAt(Date.now() + 30 * DAY_MS);
		const result = await pagerDuty.run({
			resource: 'onCall',
			operation: 'getAll',
			returnAll: true,
			options: {
				scheduleIds: schedule.id,
				userIds: kenji.id,
				since,
				until,
				earliest: true,
				include: ['users'],
				timeZone: 'Asia/Tokyo',
			},
		});

		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			'schedule_ids[]': schedule.id,
			'user_ids[]': kenji.id,
			since,
			until,
			earliest: 'true',
			'include[]': 'users',
			time_zone: 'Asia/Tokyo',
		});
		const start = new Date(today() + 7 * DAY_MS + 9 * 3_600_000).toISOString().slice(0, 19);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				escalation_level: 1,
				user: expect.objectContaining({ type: 'user', email: kenji.email }),
				start: `${start}+09:00`,
			}),
		]);
	});

	it('reads the list page by page up to the limit, per item', async () => {
		const result = await pagerDuty.run(
			{ resource: 'onCall', operation: 'getAll', limit: '={{ $json.limit }}' },
			{ items: [{ limit: 3 }, { limit: 1 }] },
		);
		expect(result.error).toBeUndefined();
		expect(pairedItemsOf(result)).toEqual([0, 0, 0, 1]);
		expect(
			pagerDuty
				.restRequests()
				.map((request) => queryOf(request).limit)
				.sort(),
		).toEqual(['1', '3']);
	});

	it('refuses a window reaching more than 90 days ahead, or ending before it starts, before sending', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'onCall',
				operation: 'getAll',
				options: { since: '={{ $json.since }}', until: '={{ $json.until }}' },
			},
			{
				items: [
					{ since: isoAt(Date.now()), until: isoAt(Date.now() + 91 * DAY_MS) },
					{ since: isoAt(Date.now() + DAY_MS), until: isoAt(Date.now()) },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			'"Until" must be at most 90 days from now: PagerDuty lists on-call shifts no further ahead [item 0]',
			'"Until" must not be before Since [item 1]',
		]);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	// Issue 10, point 6: a time zone set by expression that no list holds is refused before sending
	// (this test showed PagerDuty's 400 for it before).
	it('refuses a time zone it does not know before sending', async () => {
		const result = await pagerDuty.run({
			resource: 'onCall',
			operation: 'getAll',
			options: { timeZone: '={{ "Mars/Olympus_Mons" }}' },
		});
		expect(result.error?.message).toBe(
			'"Time Zone" must be an IANA time zone such as Europe/Berlin [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});
