import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_USER_TOKEN,
	itemMarker,
	jsonOf,
	pairedItemsOf,
	queryOf,
	useSandbox,
} from './pagerduty';
import type { AuditRecord } from '../../dev/sandbox/rest-audit';
import { auditRecords } from '../../dev/sandbox/rest-audit';
import { v3Schedules } from '../../dev/sandbox/rest-v3-schedules';

const RESPONDER_TOKEN = 'sandbox-responder-token';

const pagerDuty = useSandbox({
	apiTokens: [
		{ token: DEFAULT_ACCOUNT_TOKEN, kind: 'account' },
		{ token: DEFAULT_USER_TOKEN, kind: 'user', userEmail: 'jane.doe@example.com' },
		{ token: RESPONDER_TOKEN, kind: 'user', userEmail: 'priya.raman@example.com' },
	],
});

const DAY_MS = 86_400_000;
const store = () => pagerDuty.sandbox.store;
const records = () => auditRecords(store());
const timeOf = (record: object) =>
	Date.parse(String((record as { execution_time?: unknown }).execution_time));
const idsOf = (items: Array<{ id?: unknown }>) => items.map((item) => item.id);
/** A whole second a little before now, so windows ending there are fixed for the test. */
const fixedNow = () => Math.floor(Date.now() / 1000) * 1000 - 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const within = (since: number, until: number) =>
	records().filter((record) => timeOf(record) >= since && timeOf(record) <= until);

describe('Audit Record → Get Many', () => {
	it("reads PagerDuty's default window (the last 24 hours) when no window is given", async () => {
		const start = Date.now();
		const result = await pagerDuty.run({
			resource: 'auditRecord',
			operation: 'getAll',
			returnAll: true,
		});
		const end = Date.now();
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'GET', path: '/audit/records', status: 200 });
		expect(queryOf(requests[0])).toEqual({ limit: '100' });
		// A record that turned 24 hours old while the request ran may be in or out.
		const settled = (record: object) =>
			timeOf(record) < start - DAY_MS || timeOf(record) > end - DAY_MS;
		const lastDay = records().filter((record) => timeOf(record) >= start - DAY_MS);
		expect(idsOf(jsonOf(result).filter(settled))).toEqual(idsOf(lastDay.filter(settled)));
	});

	it('pages a window of up to 31 days by cursor, newest first', async () => {
		const until = fixedNow();
		const since = until - 31 * DAY_MS;
		const expected = within(since, until);
		expect(expected.length).toBeGreaterThan(100);
		const result = await pagerDuty.run({
			resource: 'auditRecord',
			operation: 'getAll',
			returnAll: true,
			options: { since: iso(since), until: iso(until) },
		});
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => queryOf(request).cursor === undefined)).toEqual([true, false]);
		expect(queryOf(requests[0])).toEqual({ since: iso(since), until: iso(until), limit: '100' });
		expect(idsOf(jsonOf(result))).toEqual(idsOf(expected));
	});

	it('reads a longer window in 31-day slices, newest first, a record on a slice boundary once', async () => {
		const until = fixedNow();
		const since = until - 60 * DAY_MS;
		const boundary = until - 31 * DAY_MS;
		const [template] = records();
		// Both slices include their ends, so this record comes twice.
		const onBoundary: AuditRecord = { ...template, id: 'RBOUNDARY', execution_time: iso(boundary) };
		records().push(onBoundary);
		records().sort((a, b) => timeOf(b) - timeOf(a));
		const result = await pagerDuty.run({
			resource: 'auditRecord',
			operation: 'getAll',
			returnAll: true,
			options: { since: iso(since), until: iso(until) },
		});
		expect(result.error).toBeUndefined();
		const windows = pagerDuty
			.restRequests()
			.filter((request) => queryOf(request).cursor === undefined)
			.map((request) => [queryOf(request).since, queryOf(request).until]);
		expect(windows).toEqual([
			[iso(boundary), iso(until)],
			[iso(since), iso(boundary)],
		]);
		const output = jsonOf(result);
		expect(idsOf(output)).toEqual(idsOf(within(since, until)));
		expect(idsOf(output).filter((id) => id === 'RBOUNDARY')).toHaveLength(1);
		const times = output.map(timeOf);
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('stops at the Limit, reading the next slice only as far as it needs', async () => {
		const until = fixedNow();
		const since = until - 90 * DAY_MS;
		const newest = within(since, until);
		const firstSlice = within(until - 31 * DAY_MS, until).length;
		const limit = firstSlice + 7;
		const result = await pagerDuty.run({
			resource: 'auditRecord',
			operation: 'getAll',
			limit,
			options: { since: iso(since), until: iso(until) },
		});
		expect(idsOf(jsonOf(result))).toEqual(idsOf(newest.slice(0, limit)));
		const requests = pagerDuty.restRequests();
		// Two slices of the three are read, the second asking for what is still missing.
		expect(new Set(requests.map((request) => queryOf(request).since)).size).toBe(2);
		expect(queryOf(requests.at(-1)!).limit).toBe('7');
	});

	it('sends the filters as PagerDuty names them, and every record returned matches them', async () => {
		const until = fixedNow();
		const since = until - 30 * DAY_MS;
		const actor = records().find((record) => record.actors[0]?.type === 'user_reference')!
			.actors[0];
		const result = await pagerDuty.run({
			resource: 'auditRecord',
			operation: 'getAll',
			returnAll: true,
			options: {
				since: iso(since),
				until: iso(until),
				actorType: 'user_reference',
				actorId: actor.id,
				actions: ['update', 'create'],
				rootResourceTypes: ['users', 'teams', 'services'],
				methodType: 'browser',
			},
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since: iso(since),
			until: iso(until),
			limit: '100',
			actor_type: 'user_reference',
			actor_id: actor.id,
			'actions[]': ['update', 'create'],
			'root_resource_types[]': ['users', 'teams', 'services'],
			method_type: 'browser',
		});
		const expected = within(since, until).filter(
			(record) =>
				record.actors.some((candidate) => candidate.id === actor.id) &&
				['update', 'create'].includes(record.action) &&
				['user_reference', 'team_reference', 'service_reference'].includes(
					record.root_resource.type,
				) &&
				record.method.type === 'browser',
		);
		expect(idsOf(jsonOf(result))).toEqual(idsOf(expected));
	});

	it('refuses an actor ID without its type, a token suffix without the method, and Since after Until, before sending', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'auditRecord',
				operation: 'getAll',
				options: {
					actorId: '={{ $json.actorId ?? "" }}',
					methodTruncatedToken: '={{ $json.token ?? "" }}',
					since: '={{ $json.since ?? "" }}',
					until: '={{ $json.until ?? "" }}',
				},
			},
			{
				items: [
					{ actorId: 'PXPGF42' },
					{ token: '3xyz' },
					{ since: '2026-03-02T00:00:00Z', until: '2026-03-01T00:00:00Z' },
				],
				continueOnFail: true,
			},
		);
		const [actor, token, window] = jsonOf(result);
		expect(actor.error).toMatch(/^"Actor ID" needs "Actor Type" too/);
		expect(actor.error).toMatch(itemMarker(0));
		expect(token.error).toMatch(/^"Method Token Suffix" needs "Method Type" too/);
		expect(window.error).toMatch(/^"Since" must be before "Until"/);
		expect(window.error).toMatch(itemMarker(2));
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it('says what a 403 means: the whole trail needs an admin, the owner or an account key', async () => {
		const result = await pagerDuty.run(
			{ resource: 'auditRecord', operation: 'getAll' },
			{ auth: 'userToken', credential: { apiToken: RESPONDER_TOKEN } },
		);
		expect(result.error?.message).toBe(
			'PagerDuty 403: This credential may not read these audit records',
		);
		expect(result.error?.description).toMatch(
			/admins, the account owner and account-level API keys/,
		);
	});

	it("says what a 402 means: the account's plan has no Audit Trail", async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 402,
			operation: 'GET /audit/records',
			body: {
				error: {
					message: 'Account does not have the abilities to perform the action',
					code: 2014,
				},
			},
		});
		const result = await pagerDuty.run({ resource: 'auditRecord', operation: 'getAll' });
		expect(result.error?.message).toBe(
			"PagerDuty 402: The account's PagerDuty plan has no Audit Trail",
		);
		expect(result.error?.description).toMatch(/Account does not have the abilities/);
	});
});

describe('Audit Record → Get Many for a Resource', () => {
	it.each([
		['users', 'userId', '/users', () => store().users],
		['teams', 'teamId', '/teams', () => store().teams],
		['services', 'serviceId', '/services', () => store().services],
		[
			'escalation_policies',
			'escalationPolicyId',
			'/escalation_policies',
			() => store().escalationPolicies,
		],
		['schedules', 'scheduleId', '/schedules', () => store().schedules],
		['shift_based_schedules', 'shiftScheduleId', '/v3/schedules', () => v3Schedules(store())],
	])(
		'lists the records of one of the %s in a window',
		async (resourceType, field, path, objects: () => Array<{ id: string }>) => {
			const until = fixedNow();
			const since = until - 45 * DAY_MS;
			const recordsOf = (id: string) =>
				within(since, until).filter((record) => record.root_resource.id === id);
			const { id } = objects().find((object) => recordsOf(object.id).length > 0)!;
			const result = await pagerDuty.run({
				resource: 'auditRecord',
				operation: 'getAllForResource',
				resourceType,
				[field]: { __rl: true, mode: 'id', value: id },
				returnAll: true,
				options: { since: iso(since), until: iso(until) },
			});
			expect(result.error).toBeUndefined();
			expect(new Set(pagerDuty.restRequests().map((request) => request.path))).toEqual(
				new Set([`${path}/${id}/audit/records`]),
			);
			expect(idsOf(jsonOf(result))).toEqual(idsOf(recordsOf(id)));
		},
	);

	it('answers 404 for an unknown object, paired with its item', async () => {
		const user = store().users[0];
		const result = await pagerDuty.run(
			{
				resource: 'auditRecord',
				operation: 'getAllForResource',
				resourceType: 'users',
				userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ items: [{ id: 'PNOPE42' }, { id: user.id }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
		expect(pairedItemsOf(result).slice(0, 1)).toEqual([0]);
		expect(
			pairedItemsOf(result)
				.slice(1)
				.every((item) => item === 1),
		).toBe(true);
	});
});
