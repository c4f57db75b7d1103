import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import { ADMIN_EMAIL, call, Json } from '../../dev/sandbox/helpers';
import { DEFAULT_USER_TOKEN, PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

/**
 * The sandbox answers 400 for what PagerDuty's spec rejects: formats (RFC 3339 date-times with an
 * offset, emails, http(s) URLs), integer bounds and the full body shapes of its request schemas.
 * Each case also sends the valid variant, so the 400 is the bad value's doing.
 */
const AUTH = { Authorization: `Token token=${DEFAULT_USER_TOKEN}`, From: ADMIN_EMAIL };
const ZONED = '2026-03-01T09:00:00Z';
const ZONED_LATER = '2026-03-02T09:00:00+01:00';
const ZONE_LESS = '2026-03-01T09:00:00';

describe('PagerDuty sandbox contract: formats and body shapes', () => {
	let sandbox: PagerDutySandbox;
	const ids = { incident: '', schedule: '', user: '', service: '', policy: '', window: '' };

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { incidents: 5 } });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		const store = sandbox.store;
		ids.incident = store.incidents[0].id;
		ids.schedule = store.schedules[0].id;
		ids.user = store.users[0].id;
		ids.service = store.services[0].id;
		ids.policy = store.escalationPolicies[0].id;
		const created = await send('POST', '/maintenance_windows', maintenanceWindow({}));
		expect(created.status).toBe(201);
		ids.window = created.body.maintenance_window.id;
	});

	const send = (method: string, path: string, body?: unknown) =>
		call(sandbox.url, method, path, { headers: AUTH, body });

	const errorsOf = (response: { body: Json }): string[] => response.body?.error?.errors ?? [];

	const maintenanceWindow = (times: Record<string, string>) => ({
		maintenance_window: {
			type: 'maintenance_window',
			start_time: '2099-01-01T00:00:00Z',
			end_time: '2099-01-01T02:00:00Z',
			services: [{ id: ids.service, type: 'service_reference' }],
			...times,
		},
	});
	const layer = (times: Record<string, string>) => ({
		start: ZONED,
		rotation_virtual_start: ZONED,
		rotation_turn_length_seconds: 86400,
		users: [{ user: { id: ids.user, type: 'user_reference' } }],
		...times,
	});
	const schedule = (times: Record<string, string>) => ({
		schedule: {
			type: 'schedule',
			name: 'Formats',
			time_zone: 'Europe/Berlin',
			schedule_layers: [layer(times)],
		},
	});
	const overrides = (times: Record<string, string>) => ({
		overrides: [
			{
				start: '2099-01-01T00:00:00Z',
				end: '2099-01-01T02:00:00Z',
				user: { id: ids.user, type: 'user_reference' },
				...times,
			},
		],
	});

	describe('zone-less date-times answer 400 naming the parameter', () => {
		const windowQueries: Array<[string, () => string, Record<string, string>]> = [
			['GET /log_entries', () => '/log_entries', {}],
			['GET /incidents/{id}/log_entries', () => `/incidents/${ids.incident}/log_entries`, {}],
			['GET /oncalls', () => '/oncalls', {}],
			['GET /schedules/{id}', () => `/schedules/${ids.schedule}`, {}],
			['GET /schedules/{id}/overrides', () => `/schedules/${ids.schedule}/overrides`, {}],
			['GET /schedules/{id}/users', () => `/schedules/${ids.schedule}/users`, {}],
			['GET /incidents', () => '/incidents', {}],
		];
		it.each(windowQueries)('%s since and until', async (_operation, path) => {
			const query = (since: string, until: string) =>
				`${path()}?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`;
			expect((await send('GET', query(ZONED, ZONED_LATER))).status).toBe(200);
			for (const [since, until, name] of [
				[ZONE_LESS, ZONED_LATER, 'since'],
				[ZONED, '2026-03-02T09:00:00', 'until'],
			]) {
				const response = await send('GET', query(since, until));
				expect(response.status).toBe(400);
				expect(response.body.error.code).toBe(2001);
				expect(errorsOf(response)).toEqual([
					expect.stringMatching(new RegExp(`^query\\.${name}: must be an RFC 3339 date-time`)),
				]);
			}
		});

		it('also refuses a date without a time, a time without seconds and an impossible date', async () => {
			for (const bad of ['2026-03-01', '2026-03-01T09:00Z', '2026-02-30T09:00:00Z']) {
				const response = await send('GET', `/oncalls?since=${encodeURIComponent(bad)}`);
				expect(errorsOf(response)).toEqual([
					expect.stringMatching(/^query\.since: must be an RFC 3339 date-time/),
				]);
			}
			expect((await send('GET', `/oncalls?since=2026-03-01T09:00:00.5-05:30`)).status).toBe(200);
		});

		it.each([
			['POST', () => '/maintenance_windows'],
			['PUT', () => `/maintenance_windows/${ids.window}`],
		])('%s maintenance window start_time and end_time', async (method, path) => {
			for (const field of ['start_time', 'end_time']) {
				const response = await send(method, path(), maintenanceWindow({ [field]: ZONE_LESS }));
				expect(response.status).toBe(400);
				expect(errorsOf(response)).toEqual([
					expect.stringMatching(
						new RegExp(`^body\\.maintenance_window\\.${field}: must be an RFC 3339 date-time`),
					),
				]);
			}
		});

		it.each([
			['POST', () => '/schedules'],
			['PUT', () => `/schedules/${ids.schedule}`],
		])('%s schedule layer start, end and rotation_virtual_start', async (method, path) => {
			expect((await send(method, path(), schedule({ end: ZONED_LATER }))).status).toBeLessThan(300);
			for (const field of ['start', 'end', 'rotation_virtual_start']) {
				const response = await send(method, path(), schedule({ [field]: ZONE_LESS }));
				expect(response.status).toBe(400);
				expect(errorsOf(response)).toEqual([
					expect.stringMatching(
						new RegExp(
							`^body\\.schedule\\.schedule_layers\\[0\\]\\.${field}: must be an RFC 3339 date-time`,
						),
					),
				]);
			}
		});

		it('POST schedule overrides start and end', async () => {
			const path = `/schedules/${ids.schedule}/overrides`;
			expect((await send('POST', path, overrides({}))).status).toBe(201);
			for (const field of ['start', 'end']) {
				const response = await send('POST', path, overrides({ [field]: ZONE_LESS }));
				expect(response.status).toBe(400);
				expect(errorsOf(response)).toEqual([
					expect.stringMatching(
						new RegExp(`^body\\.overrides\\[0\\]\\.${field}: must be an RFC 3339 date-time`),
					),
				]);
			}
		});

		it('Events API payload.timestamp', async () => {
			const enqueue = (timestamp: string) =>
				fetch(`${sandbox.url}/v2/enqueue`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({
						routing_key: DEFAULT_ROUTING_KEY,
						event_action: 'trigger',
						payload: { summary: 'Disk full', source: 'db-1', severity: 'error', timestamp },
					}),
				});
			expect((await enqueue(ZONED)).status).toBe(202);
			const refused = await enqueue(ZONE_LESS);
			expect(refused.status).toBe(400);
			expect(((await refused.json()) as Json).errors).toEqual([
				expect.stringMatching(/^body\.payload\.timestamp: must be an RFC 3339 date-time/),
			]);
		});
	});

	it('refuses a malformed email in a user body', async () => {
		const user = (email: string) => ({
			user: { type: 'user', name: 'Format Test', email, role: 'user' },
		});
		expect((await send('POST', '/users', user('format.test@example.com'))).status).toBe(201);
		const response = await send('POST', '/users', user('format.test.example.com'));
		expect(response.status).toBe(400);
		expect(errorsOf(response)).toContain('body.user.email: must be an email address');
	});

	it('refuses a From header that is not an email address', async () => {
		const response = await call(sandbox.url, 'POST', `/incidents/${ids.incident}/notes`, {
			headers: { ...AUTH, From: 'jane' },
			body: { note: { content: 'From is checked' } },
		});
		expect(response.status).toBe(400);
		expect(errorsOf(response)).toEqual(['header.From: must be an email address']);
	});

	it('refuses a URL that is not http(s)', async () => {
		const incident = (conferenceUrl: string) => ({
			incident: {
				type: 'incident',
				title: 'Format test',
				service: { id: ids.service, type: 'service_reference' },
				conference_bridge: { conference_url: conferenceUrl },
			},
		});
		expect((await send('POST', '/incidents', incident('https://meet.example.com/r'))).status).toBe(
			201,
		);
		for (const bad of ['ftp://files.example.com/r', 'javascript:alert(1)', 'meet.example.com/r']) {
			const response = await send('POST', '/incidents', incident(bad));
			expect(response.status).toBe(400);
			expect(errorsOf(response)).toEqual([
				'body.incident.conference_bridge.conference_url: must be an absolute http(s) URL',
			]);
		}

		const subscription = {
			webhook_subscription: {
				type: 'webhook_subscription',
				delivery_method: { type: 'http_delivery_method', url: 'mailto:ops@example.com' },
				events: ['incident.triggered'],
				filter: { type: 'account_reference' },
			},
		};
		const webhook = await send('POST', '/webhook_subscriptions', subscription);
		expect(webhook.status).toBe(400);
		expect(errorsOf(webhook)).toEqual([
			'body.webhook_subscription.delivery_method.url: must be an absolute http(s) URL',
		]);
	});

	it('refuses integers outside the bounds the spec declares', async () => {
		const snooze = (duration: number) =>
			send('POST', `/incidents/${ids.incident}/snooze`, { duration });
		expect(errorsOf(await snooze(0))).toEqual(['body.duration: must be >= 1']);
		expect(errorsOf(await snooze(604801))).toEqual(['body.duration: must be <= 604800']);
		expect(errorsOf(await snooze(1.5))).toEqual(['body.duration: must be integer, got number']);

		const policy = await send('PUT', `/escalation_policies/${ids.policy}`, {
			escalation_policy: {
				type: 'escalation_policy',
				name: 'Bounds',
				escalation_rules: [
					{
						escalation_delay_in_minutes: 30,
						targets: [{ id: ids.user, type: 'user_reference' }],
					},
				],
				num_loops: -1,
			},
		});
		expect(errorsOf(policy)).toEqual(['body.escalation_policy.num_loops: must be >= 0']);

		const restriction = schedule({});
		Object.assign(restriction.schedule.schedule_layers[0], {
			restrictions: [
				{
					type: 'weekly_restriction',
					start_time_of_day: '08:00:00',
					duration_seconds: 3600,
					start_day_of_week: 8,
				},
			],
		});
		const layerResponse = await send('POST', '/schedules', restriction);
		expect(errorsOf(layerResponse)).toEqual([
			'body.schedule.schedule_layers[0].restrictions[0].start_day_of_week: must be <= 7',
		]);
		expect(errorsOf(await send('GET', '/incidents?limit=101'))).toEqual([
			'query.limit: must be <= 100',
		]);
	});

	it('refuses bodies missing a required nested field', async () => {
		const noServices = maintenanceWindow({});
		delete (noServices.maintenance_window as Partial<typeof noServices.maintenance_window>)
			.services;
		expect(errorsOf(await send('POST', '/maintenance_windows', noServices))).toEqual([
			'body.maintenance_window.services: is required',
		]);

		const noTurnLength = schedule({});
		delete (noTurnLength.schedule.schedule_layers[0] as Partial<ReturnType<typeof layer>>)
			.rotation_turn_length_seconds;
		expect(errorsOf(await send('POST', '/schedules', noTurnLength))).toEqual([
			'body.schedule.schedule_layers[0].rotation_turn_length_seconds: is required',
		]);

		const userWithoutId = overrides({});
		userWithoutId.overrides[0].user = { type: 'user_reference' } as never;
		expect(
			errorsOf(await send('POST', `/schedules/${ids.schedule}/overrides`, userWithoutId)),
		).toEqual(['body.overrides[0].user.id: is required']);

		const noTargets = await send('PUT', `/escalation_policies/${ids.policy}`, {
			escalation_policy: {
				type: 'escalation_policy',
				name: 'No targets',
				escalation_rules: [{ escalation_delay_in_minutes: 30 }],
			},
		});
		expect(errorsOf(noTargets)).toEqual([
			'body.escalation_policy.escalation_rules[0].targets: is required',
		]);
	});

	it('requires a body where the schema requires its root key, though the spec leaves the body optional', async () => {
		const response = await send('POST', '/incidents');
		expect(response.status).toBe(400);
		expect(errorsOf(response)).toEqual(['body: is required']);
	});

	it('takes support hours as times of day (an overlay: the spec says RFC 3339 time)', async () => {
		const service = (startTime: string) => ({
			service: {
				type: 'service',
				name: `Support hours ${startTime}`,
				escalation_policy: { id: ids.policy, type: 'escalation_policy_reference' },
				support_hours: {
					type: 'fixed_time_per_day',
					time_zone: 'Europe/Berlin',
					days_of_week: [1, 2, 3, 4, 5],
					start_time: startTime,
					end_time: '17:00:00',
				},
			},
		});
		const accepted = await send('POST', '/services', service('09:00:00'));
		expect(errorsOf(accepted)).toEqual([]);
		expect(accepted.status).toBe(201);
		expect(errorsOf(await send('POST', '/services', service('9am')))).toEqual([
			'body.service.support_hours.start_time: must be a time of day hh:mm:ss',
		]);
	});
});
