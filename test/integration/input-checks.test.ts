// Issue 10, points 6 and 7: input that PagerDuty would refuse or misread is refused before sending,
// naming the parameter and the item; date-times are read in the workflow's time zone and sent in UTC.
import type { INodeParameters } from 'n8n-workflow';

import { ADMIN_EMAIL, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox({ seed: { incidents: 20 } });

const store = () => pagerDuty.sandbox.store;

/** Runs one item with "continue on fail": its one error item, and what reached the sandbox. */
async function runOne(parameters: INodeParameters, timezone?: string) {
	const result = await pagerDuty.run(parameters, { continueOnFail: true, timezone });
	expect(pairedItemsOf(result)).toEqual(jsonOf(result).map(() => 0));
	return { result, output: jsonOf(result), sent: pagerDuty.restRequests() };
}

describe('refused before sending (issue 10, point 6)', () => {
	it.each([
		[-5, '"Limit" must be a whole number of at least 1 (not -5) [item 0]'],
		[0, '"Limit" must be a whole number of at least 1 (not 0) [item 0]'],
		['={{ null }}', '"Limit" must be a whole number of at least 1 (not null) [item 0]'],
		['={{ "abc" }}', '"Limit" must be a whole number of at least 1 (not "abc") [item 0]'],
		[1.5, '"Limit" must be a whole number of at least 1 (not 1.5) [item 0]'],
	])('Limit %s', async (limit, message) => {
		const { output, sent } = await runOne({ resource: 'incident', operation: 'getAll', limit });
		expect(output).toEqual([{ error: message }]);
		expect(sent).toEqual([]);
	});

	it('a Limit hidden by Return All is not checked', async () => {
		const { result } = await runOne({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
			limit: -5,
		});
		expect(jsonOf(result)).toHaveLength(20);
	});

	it.each<[string, INodeParameters, string]>([
		[
			'an urgency',
			{
				resource: 'incident',
				operation: 'create',
				title: 'Disk full',
				serviceId: 'PSERVICE1',
				email: ADMIN_EMAIL,
				additionalFields: { urgency: '={{ "extreme" }}' },
			},
			'"Urgency" must be one of high, low (not "extreme") [item 0]',
		],
		[
			'statuses',
			{
				resource: 'incident',
				operation: 'getAll',
				options: { statuses: '={{ ["triggered", "exploded"] }}' },
			},
			'"Statuses" must be one of acknowledged, resolved, triggered (not "exploded") [item 0]',
		],
		[
			'a time zone',
			{
				resource: 'schedule',
				operation: 'create',
				name: 'Night',
				timeZone: '={{ "Mars/Olympus" }}',
				layers: { layer: [{ start: '2026-11-02T09:00:00Z', userIds: 'PUSER01' }] },
			},
			'"Time Zone" must be an IANA time zone such as Europe/Berlin [item 0]',
		],
		[
			"a user's role",
			{
				resource: 'user',
				operation: 'create',
				name: 'Ada',
				userEmail: 'ada@example.com',
				additionalFields: { role: '={{ "overlord" }}' },
			},
			'"Role" must be one of read_only_user, admin, read_only_limited_user, user, observer, limited_user, restricted_access (not "overlord") [item 0]',
		],
		[
			"a team member's role",
			{
				resource: 'team',
				operation: 'addMember',
				teamId: 'PTEAM01',
				userId: 'PUSER01',
				role: '={{ "king" }}',
			},
			'"Role" must be one of manager, observer, responder (not "king") [item 0]',
		],
		[
			'Since after Until (Incident Get Many)',
			{
				resource: 'incident',
				operation: 'getAll',
				options: { since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' },
			},
			'"Until" must not be before Since [item 0]',
		],
		[
			'Since after Until (Schedule Get On-Call Users)',
			{
				resource: 'schedule',
				operation: 'getOnCallUsers',
				scheduleId: 'PSCHED01',
				options: { since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' },
			},
			'"Until" must not be before Since [item 0]',
		],
		[
			'an override ending before it starts',
			{
				resource: 'schedule',
				operation: 'createOverride',
				scheduleId: 'PSCHED01',
				userId: 'PUSER01',
				start: '2026-11-02T00:00:00Z',
				end: '2026-11-01T00:00:00Z',
			},
			'"End" must be after "Start" [item 0]',
		],
		[
			'a layer ending before it starts',
			{
				resource: 'schedule',
				operation: 'create',
				name: 'Night',
				timeZone: 'UTC',
				layers: {
					layer: [
						{ start: '2026-11-02T09:00:00Z', end: '2026-11-01T09:00:00Z', userIds: 'PUSER01' },
					],
				},
			},
			'"Layers → Layer 1 → End" must be after "Start" [item 0]',
		],
		[
			'a javascript: conference URL',
			{
				resource: 'incident',
				operation: 'update',
				incidentId: 'PINCIDENT1',
				email: ADMIN_EMAIL,
				updateFields: { title: 'x' },
				conferenceBridgeUi: {
					conferenceBridgeValues: { conferenceUrl: 'javascript:alert(document.cookie)' },
				},
			},
			'"Conference Bridge → Conference URL" must be an http(s) URL [item 0]',
		],
		[
			'a 5,000-character ID',
			{ resource: 'incident', operation: 'get', incidentId: 'P'.repeat(5000) },
			'"Incident" must be a PagerDuty ID such as PABC123 (letters and digits only), at most 64 characters [item 0]',
		],
		[
			'a Custom API Call path to another host (//host/…)',
			{ resource: 'apiCall', operation: 'request', method: 'GET', path: '//evil.example/x' },
			'"Path" must be a path such as /incidents, without "//" [item 0]',
		],
		[
			'a boolean that is not one',
			{ resource: 'incident', operation: 'getAll', returnAll: '={{ "yes" }}' },
			'"Return All" must be true or false (not "yes") [item 0]',
		],
		[
			'a date that does not exist',
			{ resource: 'logEntry', operation: 'getAll', options: { since: '2026-02-30T10:00:00' } },
			'"Since" must be a date and time such as 2026-11-01T00:00:00Z [item 0]',
		],
		[
			'a Concurrency beyond its range',
			{ resource: 'incident', operation: 'getAll', requestSettings: { concurrency: 500 } },
			'"Concurrency" must be a whole number from 1 to 50 (not 500) [item 0]',
		],
	])('%s', async (_what, parameters, message) => {
		const { output, sent } = await runOne(parameters);
		expect(output).toEqual([expect.objectContaining({ error: message })]);
		expect(sent).toEqual([]);
	});

	it('refuses only the bad item and sends the others', async () => {
		const [a, b] = store().incidents;
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}' },
			{ items: [{ id: a.id }, { id: 'Q'.repeat(100) }, { id: b.id }], continueOnFail: true },
		);
		expect(jsonOf(result).map((json) => json.error ?? json.id)).toEqual([
			a.id,
			'"Incident" must be a PagerDuty ID such as PABC123 (letters and digits only), at most 64 characters [item 1]',
			b.id,
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(2);
	});

	it('a batched update leaves the refused item out of the batch', async () => {
		const [a, b] = store().incidents.filter((incident) => incident.status === 'triggered');
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'update',
				incidentId: '={{ $json.id }}',
				email: ADMIN_EMAIL,
				updateFields: { urgency: '={{ $json.urgency }}' },
			},
			{
				items: [
					{ id: a.id, urgency: 'low' },
					{ id: b.id, urgency: 'extreme' },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error ?? json.urgency)).toEqual([
			'low',
			'"Urgency" must be one of high, low (not "extreme") [item 1]',
		]);
		expect(store().incident(b.id)?.urgency).not.toBe('extreme');
	});
});

describe('date-times: read in the workflow time zone, sent in UTC (issue 10, point 7)', () => {
	const incidentId = () => store().incidents[0].id;
	const scheduleId = () => store().schedules[0].id;
	const userId = () => store().users[0].id;

	// n8n's date picker stores a wall-clock time without offset; in Europe/Berlin, 10:00 in July
	// is 08:00 UTC, and in November 09:00 UTC.
	type SentTimes = (query: Record<string, unknown>, body: unknown, year: number) => unknown;
	const cases: Array<[string, (year: number) => INodeParameters, SentTimes]> = [
		[
			'Log Entry → Get Many',
			(year) => ({
				resource: 'logEntry',
				operation: 'getAll',
				limit: 1,
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
		[
			'Log Entry → Get Many for an Incident',
			(year) => ({
				resource: 'logEntry',
				operation: 'getAllForIncident',
				incidentId: incidentId(),
				limit: 1,
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
		[
			'Incident → Get Many',
			(year) => ({
				resource: 'incident',
				operation: 'getAll',
				limit: 1,
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
		[
			'On-Call → Get Many',
			(year) => ({
				resource: 'onCall',
				operation: 'getAll',
				limit: 1,
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
		[
			'Schedule → Get',
			(year) => ({
				resource: 'schedule',
				operation: 'get',
				scheduleId: scheduleId(),
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
		[
			'Schedule → Get Many Overrides',
			(year) => ({
				resource: 'schedule',
				operation: 'getAllOverrides',
				scheduleId: scheduleId(),
				since: `${year}-07-01T10:00:00`,
				until: `${year}-11-01T10:00:00`,
			}),
			(query) => [query.since, query.until],
		],
		[
			'Schedule → Get On-Call Users',
			(year) => ({
				resource: 'schedule',
				operation: 'getOnCallUsers',
				scheduleId: scheduleId(),
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
		[
			'Schedule → Create Override',
			(year) => ({
				resource: 'schedule',
				operation: 'createOverride',
				scheduleId: scheduleId(),
				userId: userId(),
				start: `${year}-07-01T10:00:00`,
				end: `${year}-11-01T10:00:00`,
			}),
			(_query, body) => {
				const [override] = (body as { overrides: Array<{ start: string; end: string }> }).overrides;
				return [override.start, override.end];
			},
		],
		[
			'Maintenance Window → Create',
			(year) => ({
				resource: 'maintenanceWindow',
				operation: 'create',
				startTime: `${year}-07-01T10:00:00`,
				endTime: `${year}-11-01T10:00:00`,
				serviceIds: [store().services[0].id],
				email: ADMIN_EMAIL,
			}),
			(_query, body) => {
				const window = (body as { maintenance_window: { start_time: string; end_time: string } })
					.maintenance_window;
				return [window.start_time, window.end_time];
			},
		],
		[
			'Schedule → Create (layer start, end, rotation start)',
			(year) => ({
				resource: 'schedule',
				operation: 'create',
				name: 'Berlin nights',
				timeZone: 'Europe/Berlin',
				layers: {
					layer: [
						{
							start: `${year}-07-01T10:00:00`,
							end: `${year}-11-01T10:00:00`,
							rotationVirtualStart: `${year}-07-01T10:00:00`,
							userIds: userId(),
						},
					],
				},
			}),
			(_query, body, year) => {
				const [layer] = (
					body as {
						schedule: {
							schedule_layers: Array<{
								start: string;
								end: string;
								rotation_virtual_start: string;
							}>;
						};
					}
				).schedule.schedule_layers;
				expect(layer.rotation_virtual_start).toBe(`${year}-07-01T08:00:00Z`);
				return [layer.start, layer.end];
			},
		],
		[
			'Change Event → Get Many',
			(year) => ({
				resource: 'changeEvent',
				operation: 'getAll',
				limit: 1,
				options: { since: `${year}-07-01T10:00:00`, until: `${year}-11-01T10:00:00` },
			}),
			(query) => [query.since, query.until],
		],
	];

	it.each(cases)('%s', async (operation, parameters, sentTimes) => {
		// Maintenance windows must end in the future, on-calls may not reach 90 days ahead.
		const year = operation.startsWith('On-Call') ? 2026 : 2027;
		const result = await pagerDuty.run(parameters(year), { timezone: 'Europe/Berlin' });
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(sentTimes(queryOf(request), request.body, year)).toEqual([
			`${year}-07-01T08:00:00Z`,
			`${year}-11-01T09:00:00Z`,
		]);
	});

	it('keeps a value with an offset as the instant it names, and takes $now', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'logEntry',
				operation: 'getAll',
				limit: 1,
				options: { since: '2026-11-01T10:00:00-05:00', until: '={{ $now }}' },
			},
			{ timezone: 'Asia/Tokyo' },
		);
		expect(result.error).toBeUndefined();
		const query = queryOf(pagerDuty.restRequests()[0]);
		expect(query.since).toBe('2026-11-01T15:00:00Z');
		expect(String(query.until)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(Math.abs(Date.parse(String(query.until)) - Date.now())).toBeLessThan(60_000);
	});
});
