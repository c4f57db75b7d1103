import { useSandboxServer } from './use-sandbox';
import { ADMIN_EMAIL, call, PD_ACCEPT } from '../../dev/sandbox/helpers';
import { createSeededStore } from '../../dev/sandbox/seed';
import { DEFAULT_USER_TOKEN } from '../../dev/sandbox/server';

const USER_TOKEN = { Authorization: `Token token=${DEFAULT_USER_TOKEN}` };
const FROM_ADMIN = { From: ADMIN_EMAIL };

describe('PagerDuty sandbox REST', () => {
	const server = useSandboxServer({ seed: { incidents: 120 } });

	describe('seed', () => {
		it('is deterministic and PagerDuty-shaped', () => {
			const now = '2026-01-15T12:00:00Z';
			const a = createSeededStore({ incidents: 40, now });
			const b = createSeededStore({ incidents: 40, now });
			expect(JSON.stringify(a.incidents)).toEqual(JSON.stringify(b.incidents));
			expect(a.users).toHaveLength(8);
			expect(a.teams).toHaveLength(3);
			expect(a.escalationPolicies).toHaveLength(3);
			expect(a.services).toHaveLength(5);
			expect(a.priorities.map((priority) => priority.name)).toEqual(['P1', 'P2', 'P3', 'P4']);
			expect(a.userByEmail(ADMIN_EMAIL)?.role).toBe('admin');
			for (const user of a.users) expect(user.id).toMatch(/^P[A-Z0-9]{6}$/);
			const incident = a.incidents[0];
			expect(incident.id).toMatch(/^Q[A-Z0-9]{13}$/);
			expect(incident.html_url).toBe(`https://acme.pagerduty.com/incidents/${incident.id}`);
			expect(new Set(a.incidents.map((item) => item.status))).toEqual(
				new Set(['triggered', 'acknowledged', 'resolved']),
			);
			expect(a.incidentLogEntries(incident.id)[0].type).toBe('trigger_log_entry');
			const oldest = Date.parse(a.incidents[0].created_at);
			expect(Date.parse(now) - oldest).toBeLessThan(30 * 24 * 3600 * 1000);
		});

		it('seeds 30,000 incidents quickly', () => {
			const started = Date.now();
			const store = createSeededStore({ incidents: 30000 });
			expect(store.incidents).toHaveLength(30000);
			expect(store.incidents[29999].incident_number).toBe(30000);
			expect(Date.now() - started).toBeLessThan(15000);
		});
	});

	describe('authentication and contract', () => {
		it('answers 401 for unknown or missing credentials', async () => {
			const bad = await call(server.sandbox.url, 'GET', '/incidents', {
				headers: { Authorization: 'Token token=nope' },
			});
			expect(bad.status).toBe(401);
			expect(bad.body).toEqual({ error: { message: 'Authentication failed', code: 2006 } });
			const none = await call(server.sandbox.url, 'GET', '/incidents', {
				headers: { Authorization: undefined },
			});
			expect(none.status).toBe(401);
			const bearer = await call(server.sandbox.url, 'GET', '/incidents', {
				headers: { Authorization: 'Bearer nope' },
			});
			expect(bearer.status).toBe(401);
		});

		it('answers 400 with PagerDuty error bodies for contract violations', async () => {
			const limit = await call(server.sandbox.url, 'GET', '/incidents?limit=500');
			expect(limit.status).toBe(400);
			expect(limit.body).toEqual({
				error: {
					message: 'Invalid Input Provided',
					code: 2001,
					errors: ['query.limit: must be <= 100'],
				},
			});
			const unknown = await call(server.sandbox.url, 'GET', '/users?colour=blue');
			expect(unknown.body.error.errors).toEqual(['query.colour: unknown parameter']);
			// fetch sends "Accept: */*" when none is given.
			const noAccept = await call(server.sandbox.url, 'GET', '/users', {
				headers: { Accept: undefined },
			});
			expect(noAccept.status).toBe(400);
			expect(noAccept.body.error.errors).toEqual([
				'header.Accept: must include application/vnd.pagerduty+json;version=2',
			]);
			const wrongType = await call(server.sandbox.url, 'POST', '/incidents/QX/notes', {
				headers: FROM_ADMIN,
				body: { note: { content: 123 } },
			});
			expect(wrongType.status).toBe(400);
			expect(wrongType.body.error.errors).toEqual([
				'body.note.content: must be string, got integer',
			]);
		});

		it('answers 404 for unknown routes and ids', async () => {
			const route = await call(server.sandbox.url, 'GET', '/nothing/here');
			expect(route.status).toBe(404);
			expect(route.body).toEqual({ error: { message: 'Not Found', code: 2100 } });
			const id = await call(server.sandbox.url, 'GET', '/incidents/QDOESNOTEXIST00');
			expect(id.status).toBe(404);
			expect(id.body).toEqual({ error: { message: 'Not Found', code: 2100 } });
		});

		it('requires From with account-level keys on From operations only', async () => {
			const service = server.sandbox.store.services[0];
			const body = {
				incident: {
					type: 'incident',
					title: 'Disk full',
					service: { id: service.id, type: 'service_reference' },
				},
			};
			const missing = await call(server.sandbox.url, 'POST', '/incidents', { body });
			expect(missing.status).toBe(400);
			expect(missing.body).toEqual({
				error: {
					message: 'Invalid Input Provided',
					code: 2001,
					errors: ["You must specify a user's email address in the From header"],
				},
			});
			const unknownUser = await call(server.sandbox.url, 'POST', '/incidents', {
				body,
				headers: { From: 'ghost@example.com' },
			});
			expect(unknownUser.status).toBe(400);
			const userToken = await call(server.sandbox.url, 'POST', '/incidents', {
				body,
				headers: USER_TOKEN,
			});
			expect(userToken.status).toBe(201);
			const withFrom = await call(server.sandbox.url, 'POST', '/incidents', {
				body: { incident: { ...body.incident, title: 'Again' } },
				headers: FROM_ADMIN,
			});
			expect(withFrom.status).toBe(201);
		});

		it('rejects /users/me for account keys and serves it for user keys', async () => {
			const account = await call(server.sandbox.url, 'GET', '/users/me');
			expect(account.status).toBe(400);
			expect(account.body.error.errors[0]).toMatch(/account-level access token/);
			const user = await call(server.sandbox.url, 'GET', '/users/me', { headers: USER_TOKEN });
			expect(user.status).toBe(200);
			expect(user.body.user.email).toBe(ADMIN_EMAIL);
		});

		it('sends ratelimit headers and records what it received', async () => {
			const first = await call(server.sandbox.url, 'GET', '/priorities');
			const second = await call(server.sandbox.url, 'GET', '/priorities');
			expect(first.headers.get('ratelimit-limit')).toBe('960');
			expect(Number(first.headers.get('ratelimit-remaining'))).toBe(959);
			expect(Number(second.headers.get('ratelimit-remaining'))).toBe(958);
			expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
			expect(server.sandbox.requests).toHaveLength(2);
			expect(server.sandbox.requests[0]).toMatchObject({
				method: 'GET',
				path: '/priorities',
				status: 200,
				operation: 'GET /priorities',
				headers: { accept: PD_ACCEPT, host: new URL(server.sandbox.url).host },
			});
		});
	});

	describe('pagination', () => {
		it('pages with limit/offset/more and total only on request', async () => {
			const first = await call(server.sandbox.url, 'GET', '/incidents');
			expect(first.body).toMatchObject({ limit: 25, offset: 0, more: true, total: null });
			expect(first.body.incidents).toHaveLength(25);

			const seen = new Set<string>();
			let offset = 0;
			let more = true;
			while (more) {
				const page = await call(
					server.sandbox.url,
					'GET',
					`/incidents?limit=50&offset=${offset}&total=true`,
				);
				expect(page.body.total).toBe(120);
				for (const incident of page.body.incidents) seen.add(incident.id);
				more = page.body.more;
				offset += 50;
			}
			expect(seen.size).toBe(120);
			const last = await call(server.sandbox.url, 'GET', '/incidents?limit=50&offset=100');
			expect(last.body).toMatchObject({ limit: 50, offset: 100, more: false });
			expect(last.body.incidents).toHaveLength(20);
		});

		it('enforces the offset+limit 10,000 ceiling', async () => {
			const atCeiling = await call(server.sandbox.url, 'GET', '/log_entries?offset=9900&limit=100');
			expect(atCeiling.status).toBe(200);
			expect(atCeiling.body.log_entries).toEqual([]);
			const over = await call(server.sandbox.url, 'GET', '/log_entries?offset=9901&limit=100');
			expect(over.status).toBe(400);
			expect(over.body).toEqual({
				error: {
					message: 'Arguments Caused Error',
					code: 2002,
					errors: [
						'Offset+limit exceeds maximum allowed value of 10000. Please try to refine your search to reduce the returned set of records below this number, like adding a date range.',
					],
				},
			});
			const defaultLimit = await call(server.sandbox.url, 'GET', '/incidents?offset=9980');
			expect(defaultLimit.status).toBe(400);
		});

		it('returns all notes without pagination', async () => {
			const incident = server.sandbox.store.incidents[0];
			for (let i = 0; i < 30; i++)
				server.sandbox.store.addNote(
					incident,
					server.sandbox.store.users[0],
					`note ${i}`,
					server.sandbox.store.nowIso(),
				);
			const notes = await call(server.sandbox.url, 'GET', `/incidents/${incident.id}/notes`);
			expect(notes.status).toBe(200);
			expect(Object.keys(notes.body)).toEqual(['notes']);
			expect(notes.body.notes.length).toBeGreaterThanOrEqual(30);
		});
	});

	describe('incidents', () => {
		it('filters by status, service and urgency and sorts by created_at', async () => {
			const service = server.sandbox.store.services[1];
			const page = await call(
				server.sandbox.url,
				'GET',
				`/incidents?limit=100&statuses[]=triggered&statuses[]=acknowledged&service_ids[]=${service.id}&sort_by=created_at:desc`,
			);
			expect(page.status).toBe(200);
			const incidents: Array<{ status: string; service: { id: string }; created_at: string }> =
				page.body.incidents;
			expect(incidents.length).toBeGreaterThan(0);
			for (const incident of incidents) {
				expect(['triggered', 'acknowledged']).toContain(incident.status);
				expect(incident.service.id).toBe(service.id);
			}
			const times = incidents.map((incident) => incident.created_at);
			expect(times).toEqual(times.slice().sort().reverse());
			const low = await call(server.sandbox.url, 'GET', '/incidents?limit=100&urgencies[]=low');
			expect(
				low.body.incidents.every((incident: { urgency: string }) => incident.urgency === 'low'),
			).toBe(true);
		});

		it('applies the default 30-day window unless date_range=all', async () => {
			const old = server.sandbox.store.incidents[0];
			old.created_at = '2020-01-01T00:00:00Z';
			const windowed = await call(
				server.sandbox.url,
				'GET',
				'/incidents?limit=100&offset=0&total=true',
			);
			expect(windowed.body.total).toBe(119);
			const all = await call(
				server.sandbox.url,
				'GET',
				'/incidents?limit=100&date_range=all&total=true',
			);
			expect(all.body.total).toBe(120);
			const ranged = await call(
				server.sandbox.url,
				'GET',
				'/incidents?since=2019-12-31T00:00:00Z&until=2020-01-02T00:00:00Z&total=true',
			);
			expect(ranged.body.total).toBe(1);
		});

		it('creates, acknowledges, re-prioritises and resolves an incident with log entries', async () => {
			const service = server.sandbox.store.services[0];
			const p1 = server.sandbox.store.priorities[0];
			const created = await call(server.sandbox.url, 'POST', '/incidents', {
				headers: FROM_ADMIN,
				body: {
					incident: {
						type: 'incident',
						title: 'Checkout is down',
						service: { id: service.id, type: 'service_reference' },
						urgency: 'high',
						incident_key: 'checkout-down',
						body: { type: 'incident_body', details: 'HTTP 503 everywhere' },
					},
				},
			});
			expect(created.status).toBe(201);
			const incident = created.body.incident;
			expect(incident).toMatchObject({
				type: 'incident',
				status: 'triggered',
				title: 'Checkout is down',
				incident_number: 121,
			});
			expect(incident.body).toEqual({ type: 'incident_body', details: 'HTTP 503 everywhere' });

			const duplicate = await call(server.sandbox.url, 'POST', '/incidents', {
				headers: FROM_ADMIN,
				body: {
					incident: {
						type: 'incident',
						title: 'dup',
						service: { id: service.id, type: 'service_reference' },
						incident_key: 'checkout-down',
					},
				},
			});
			expect(duplicate.status).toBe(400);
			expect(duplicate.body.error.code).toBe(2001);
			expect(duplicate.body.error.errors[0]).toMatch(
				/Open incident with key 'checkout-down' already exists/,
			);

			const ack = await call(server.sandbox.url, 'PUT', `/incidents/${incident.id}`, {
				headers: FROM_ADMIN,
				body: {
					incident: {
						type: 'incident_reference',
						status: 'acknowledged',
						priority: { id: p1.id, type: 'priority_reference' },
					},
				},
			});
			expect(ack.status).toBe(200);
			expect(ack.body.incident.status).toBe('acknowledged');
			expect(ack.body.incident.priority.id).toBe(p1.id);
			expect(ack.body.incident.acknowledgements[0].acknowledger.summary).toBe('Jane Doe');

			const resolved = await call(server.sandbox.url, 'PUT', `/incidents/${incident.id}`, {
				headers: USER_TOKEN,
				body: {
					incident: {
						type: 'incident_reference',
						status: 'resolved',
						resolution: 'Restarted pods',
					},
				},
			});
			expect(resolved.body.incident).toMatchObject({ status: 'resolved', assignments: [] });
			expect(resolved.body.incident.resolved_at).not.toBeNull();

			const again = await call(server.sandbox.url, 'PUT', `/incidents/${incident.id}`, {
				headers: FROM_ADMIN,
				body: { incident: { type: 'incident_reference', status: 'acknowledged' } },
			});
			expect(again.status).toBe(400);
			expect(again.body.error.code).toBe(1001);

			const log = await call(
				server.sandbox.url,
				'GET',
				`/incidents/${incident.id}/log_entries?limit=100`,
			);
			const types = log.body.log_entries.map((entry: { type: string }) => entry.type);
			expect(types).toEqual(
				expect.arrayContaining([
					'trigger_log_entry',
					'acknowledge_log_entry',
					'annotate_log_entry',
					'resolve_log_entry',
				]),
			);
			const overview = await call(
				server.sandbox.url,
				'GET',
				`/incidents/${incident.id}/log_entries?is_overview=true`,
			);
			expect(overview.body.log_entries.map((entry: { type: string }) => entry.type)).not.toContain(
				'annotate_log_entry',
			);
			const resolveEntry = log.body.log_entries.find(
				(entry: { type: string }) => entry.type === 'resolve_log_entry',
			);
			const single = await call(
				server.sandbox.url,
				'GET',
				`/log_entries/${resolveEntry.id}?time_zone=Asia/Kolkata`,
			);
			expect(single.body.log_entry.created_at).toMatch(/\+05:30$/);

			const notes = await call(server.sandbox.url, 'GET', `/incidents/${incident.id}/notes`);
			expect(notes.body.notes.map((note: { content: string }) => note.content)).toContain(
				'Restarted pods',
			);

			const reopened = await call(
				server.sandbox.url,
				'GET',
				`/incidents?incident_key=checkout-down&statuses[]=resolved`,
			);
			expect(reopened.body.incidents).toHaveLength(1);
		});

		it('rejects both incident types that the spec does not allow', async () => {
			const incident = server.sandbox.store.incidents.find((item) => item.status !== 'resolved');
			const wrong = await call(server.sandbox.url, 'PUT', `/incidents/${incident?.id}`, {
				headers: FROM_ADMIN,
				body: { incident: { type: 'incident_update', status: 'acknowledged' } },
			});
			expect(wrong.status).toBe(400);
			expect(wrong.body.error.errors).toEqual([
				'body.incident.type: must be one of "incident", "incident_reference"',
			]);
		});

		it('updates in bulk up to 250 incidents', async () => {
			const open = server.sandbox.store.incidents
				.filter((incident) => incident.status !== 'resolved')
				.slice(0, 3);
			const bulk = await call(server.sandbox.url, 'PUT', '/incidents', {
				headers: FROM_ADMIN,
				body: {
					incidents: open.map((incident) => ({
						id: incident.id,
						type: 'incident_reference',
						status: 'resolved',
					})),
				},
			});
			expect(bulk.status).toBe(200);
			expect(bulk.body.incidents.map((incident: { status: string }) => incident.status)).toEqual([
				'resolved',
				'resolved',
				'resolved',
			]);
			const tooMany = await call(server.sandbox.url, 'PUT', '/incidents', {
				headers: FROM_ADMIN,
				body: {
					incidents: Array.from({ length: 251 }, () => ({
						id: open[0].id,
						type: 'incident_reference',
						status: 'resolved',
					})),
				},
			});
			expect(tooMany.status).toBe(413);
		});

		it('creates notes as the acting user', async () => {
			const incident = server.sandbox.store.incidents[5];
			const note = await call(server.sandbox.url, 'POST', `/incidents/${incident.id}/notes`, {
				headers: { From: 'priya.raman@example.com' },
				body: { note: { content: 'Looking into it' } },
			});
			expect(note.status).toBe(201);
			expect(note.body.note).toMatchObject({
				content: 'Looking into it',
				user: { type: 'user_reference', summary: 'Priya Raman' },
			});
		});
	});

	describe('directory resources', () => {
		it('serves users, services, escalation policies, priorities, abilities and teams', async () => {
			const users = await call(server.sandbox.url, 'GET', '/users?query=jane');
			expect(users.body.users.map((user: { email: string }) => user.email)).toEqual([ADMIN_EMAIL]);
			const user = await call(server.sandbox.url, 'GET', `/users/${users.body.users[0].id}`);
			expect(user.body.user.name).toBe('Jane Doe');
			const services = await call(server.sandbox.url, 'GET', '/services?sort_by=name:desc');
			expect(services.body.services).toHaveLength(5);
			expect(services.body.services[0].name).toBe('Web Frontend');
			const service = await call(
				server.sandbox.url,
				'GET',
				`/services/${services.body.services[0].id}`,
			);
			expect(service.body.service.escalation_policy.type).toBe('escalation_policy_reference');
			const policies = await call(server.sandbox.url, 'GET', '/escalation_policies');
			expect(policies.body.escalation_policies).toHaveLength(3);
			const policy = await call(
				server.sandbox.url,
				'GET',
				`/escalation_policies/${policies.body.escalation_policies[0].id}`,
			);
			expect(policy.body.escalation_policy.escalation_rules.length).toBeGreaterThan(0);
			const priorities = await call(server.sandbox.url, 'GET', '/priorities');
			expect(priorities.body).toMatchObject({ limit: 25, offset: 0, more: false, total: null });
			const abilities = await call(server.sandbox.url, 'GET', '/abilities');
			expect(abilities.body.abilities).toContain('teams');
			const teams = await call(server.sandbox.url, 'GET', '/teams?query=pay');
			expect(teams.body.teams.map((team: { name: string }) => team.name)).toEqual(['Payments']);
		});
	});
});
