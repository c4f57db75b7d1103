import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';
import { eventOrchestrations } from '../../dev/sandbox/rest-event-orchestrations';

/** The router's rules as PagerDuty checks them, beyond the contract. */
describe('PagerDuty sandbox event orchestrations', () => {
	const server = useSandboxServer({ seed: { incidents: 5 } });

	const routerPath = () =>
		`/event_orchestrations/${eventOrchestrations(server.sandbox.store)[0].orchestration.id}/router`;
	const putRouter = (sets: unknown, catchAll: unknown = { actions: { route_to: 'unrouted' } }) =>
		call(server.sandbox.url, 'PUT', routerPath(), {
			body: { orchestration_path: { sets, catch_all: catchAll } },
		});

	it('seeds three orchestrations with UUID IDs and sorts the list by created_at, name or routes', async () => {
		const records = eventOrchestrations(server.sandbox.store);
		for (const record of records)
			expect(record.orchestration.id).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);
		const byName = await call(server.sandbox.url, 'GET', '/event_orchestrations?sort_by=name:desc');
		expect(byName.body.orchestrations.map((item: { name: string }) => item.name)).toEqual([
			'Shared Infrastructure',
			'Platform Monitoring',
			'Payments Monitoring',
		]);
		expect(byName.body).toMatchObject({ total: null, more: false });
		const withTotal = await call(server.sandbox.url, 'GET', '/event_orchestrations?total=true');
		expect(withTotal.status).toBe(400);
	});

	it('keeps the rule IDs given, gives new rules one, and changes the version', async () => {
		const [record] = eventOrchestrations(server.sandbox.store);
		const [kept] = record.router.sets[0].rules;
		const version = record.router.version;
		const web = server.sandbox.store.services[0];
		const response = await putRouter([
			{
				id: 'start',
				rules: [{ id: kept.id, actions: { route_to: web.id } }, { actions: { route_to: web.id } }],
			},
		]);
		expect(response.status).toBe(200);
		const ids = response.body.orchestration_path.sets[0].rules.map(
			(rule: { id: string }) => rule.id,
		);
		expect(ids[0]).toBe(kept.id);
		expect(ids[1]).toMatch(/^[0-9a-f]{8}$/);
		expect(response.body.orchestration_path.version).not.toBe(version);
		expect(response.body.warnings).toEqual([]);
	});

	const rulesOf = (...rules: unknown[]) => [{ id: 'start', rules }];
	const dynamic = {
		actions: { dynamic_route_to: { source: 'event.summary', lookup_by: 'service_id' } },
	};
	it.each([
		[
			'a set other than start',
			() => [{ id: 'other', rules: [] }],
			undefined,
			"The router's only rule set must have the id 'start'",
		],
		[
			'a route to an unknown service',
			() => rulesOf({ actions: { route_to: 'PNOSUCH' } }),
			undefined,
			'Rule 1: route_to must be the ID of an existing service',
		],
		[
			'dynamic routing after the first rule',
			(webId: string) => rulesOf({ actions: { route_to: webId } }, dynamic),
			undefined,
			'Rule 2: dynamic_route_to is allowed in the first rule only',
		],
		[
			'dynamic routing with conditions',
			() => rulesOf({ ...dynamic, conditions: [{ expression: "event.source matches 'x'" }] }),
			undefined,
			'Rule 1: a dynamic_route_to rule has no conditions and no route_to',
		],
		[
			'a catch-all to an unknown service',
			() => rulesOf(),
			{ actions: { route_to: 'PNOSUCH' } },
			"catch_all: route_to must be 'unrouted' or the ID of an existing service",
		],
	])('refuses %s (400)', async (_label, sets, catchAll, message) => {
		const response = await putRouter(sets(server.sandbox.store.services[0].id), catchAll);
		expect(response.status).toBe(400);
		expect(response.body.error.errors).toEqual([message]);
	});

	it('refuses two rule sets by contract', async () => {
		const response = await putRouter([
			{ id: 'start', rules: [] },
			{ id: 'more', rules: [] },
		]);
		expect(response.status).toBe(400);
	});
});
