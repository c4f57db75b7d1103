import { call } from '../../dev/sandbox/helpers';
import { auditRecords } from '../../dev/sandbox/rest-audit';
import { createSeededStore } from '../../dev/sandbox/seed';
import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_USER_TOKEN,
	PagerDutySandbox,
	startSandbox,
} from '../../dev/sandbox/server';

const DAY_MS = 86_400_000;
const RESPONDER_TOKEN = 'responder-token';

describe('sandbox: audit records', () => {
	let sandbox: PagerDutySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({
			apiTokens: [
				{ token: DEFAULT_ACCOUNT_TOKEN, kind: 'account' },
				{ token: DEFAULT_USER_TOKEN, kind: 'user', userEmail: 'jane.doe@example.com' },
				{ token: RESPONDER_TOKEN, kind: 'user', userEmail: 'priya.raman@example.com' },
			],
		});
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const window = (days: number, until = Date.now()) =>
		`since=${new Date(until - days * DAY_MS).toISOString()}&until=${new Date(until).toISOString()}`;

	it('seeds the same trail for the same seed (its own random), newest first over 60 days', () => {
		const now = '2026-03-01T12:00:00Z';
		const a = auditRecords(createSeededStore({ now }));
		const b = auditRecords(createSeededStore({ now }));
		// The store's clock runs on from `now`, so times may differ by the milliseconds between the two.
		const withoutTime = (records: typeof a) =>
			records.map(({ execution_time: _time, ...rest }) => rest);
		expect(withoutTime(a)).toEqual(withoutTime(b));
		expect(a).toHaveLength(300);
		const times = a.map((record) => Date.parse(record.execution_time));
		expect(times).toEqual([...times].sort((x, y) => y - x));
		expect(Date.parse(now) - times.at(-1)!).toBeLessThanOrEqual(60 * DAY_MS);
	});

	it('pages by cursor and refuses windows over 31 days or the wrong way round', async () => {
		const first = await call(sandbox.url, 'GET', `/audit/records?limit=50&${window(31)}`);
		expect(first.status).toBe(200);
		expect(first.body.records).toHaveLength(50);
		expect(first.body).toMatchObject({ limit: 50, response_metadata: null });
		const second = await call(
			sandbox.url,
			'GET',
			`/audit/records?limit=50&${window(31)}&cursor=${first.body.next_cursor}`,
		);
		expect(Date.parse(second.body.records[0].execution_time)).toBeLessThanOrEqual(
			Date.parse(first.body.records[49].execution_time),
		);
		const tooLong = await call(sandbox.url, 'GET', `/audit/records?${window(32)}`);
		expect(tooLong.status).toBe(400);
		expect(tooLong.body.error.errors).toEqual(['until may not be more than 31 days after since']);
		const since = new Date().toISOString();
		const backwards = await call(
			sandbox.url,
			'GET',
			`/audit/records?since=${since}&until=${new Date(Date.now() - DAY_MS).toISOString()}`,
		);
		expect(backwards.status).toBe(400);
	});

	it('lists the last 24 hours by default', async () => {
		const start = Date.now();
		const answer = await call(sandbox.url, 'GET', '/audit/records?limit=100');
		const end = Date.now();
		const timeOf = (record: { execution_time: string }) => Date.parse(record.execution_time);
		// A record that turned 24 hours old while the request ran may be in or out.
		const settled = (record: { execution_time: string }) =>
			timeOf(record) < start - DAY_MS || timeOf(record) > end - DAY_MS;
		const expected = auditRecords(sandbox.store).filter(
			(record) => timeOf(record) >= start - DAY_MS && settled(record),
		);
		expect(answer.body.records.filter(settled).map((record: { id: string }) => record.id)).toEqual(
			expected.map((record) => record.id),
		);
	});

	it('needs actor_type for actor_id and method_type for method_truncated_token', async () => {
		for (const query of ['actor_id=PXPGF42', 'method_truncated_token=abcd']) {
			const answer = await call(sandbox.url, 'GET', `/audit/records?${query}`);
			expect(answer.status).toBe(400);
		}
		const byKey = await call(
			sandbox.url,
			'GET',
			`/audit/records?limit=100&${window(31)}&actor_type=api_key_reference&method_type=api_token`,
		);
		expect(byKey.body.records.length).toBeGreaterThan(0);
		for (const record of byKey.body.records) {
			expect(record.actors[0].type).toBe('api_key_reference');
			expect(record.method.type).toBe('api_token');
		}
	});

	it('lets only admins, the owner and account keys read the whole trail', async () => {
		const responder = await call(sandbox.url, 'GET', '/audit/records', {
			headers: { Authorization: `Token token=${RESPONDER_TOKEN}` },
		});
		expect(responder.status).toBe(403);
		const admin = await call(sandbox.url, 'GET', '/audit/records', {
			headers: { Authorization: `Token token=${DEFAULT_USER_TOKEN}` },
		});
		expect(admin.status).toBe(200);
	});

	it("serves one object's records and 404 for an unknown object", async () => {
		const team = sandbox.store.teams[0];
		const answer = await call(sandbox.url, 'GET', `/teams/${team.id}/audit/records?${window(31)}`);
		expect(answer.status).toBe(200);
		for (const record of answer.body.records) expect(record.root_resource.id).toBe(team.id);
		const unknown = await call(sandbox.url, 'GET', '/services/PNOPE42/audit/records');
		expect(unknown.status).toBe(404);
	});
});
