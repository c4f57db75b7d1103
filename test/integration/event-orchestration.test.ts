import { byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { eventOrchestrations } from '../../dev/sandbox/rest-event-orchestrations';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const seeded = () => eventOrchestrations(store());
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'eventOrchestration', ...parameters } as never, options);
const serviceNamed = (name: string) => store().services.find((service) => service.name === name)!;
const rulesOf = (path: Record<string, unknown>) =>
	(path.sets as Array<{ rules: Array<Record<string, unknown>> }>)[0].rules;

describe('Event Orchestration → Get Many', () => {
	it('lists the orchestrations by name, without asking for a total the list does not declare', async () => {
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((orchestration) => orchestration.name)).toEqual([
			'Payments Monitoring',
			'Platform Monitoring',
			'Shared Infrastructure',
		]);
		expect(jsonOf(result)[0]).not.toHaveProperty('integrations');
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '100', offset: '0' });
	});

	it('sorts as asked', async () => {
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			options: { sortBy: 'routes:asc' },
		});
		expect(jsonOf(result).map((orchestration) => orchestration.routes)).toEqual([1, 2, 2]);
		expect(queryOf(pagerDuty.restRequests()[0]).sort_by).toBe('routes:asc');
	});

	it('pages past 100 and stops at the Limit', async () => {
		const [first] = seeded();
		for (let index = 0; index < 120; index++)
			seeded().push({
				...first,
				orchestration: {
					...first.orchestration,
					id: `${index}`,
					name: `Z ${String(index).padStart(3, '0')}`,
				},
			});
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(123);
		expect(pagerDuty.restRequests().map((request) => queryOf(request).offset)).toEqual([
			'0',
			'100',
		]);
		const limited = await run({ operation: 'getAll', limit: 101 });
		expect(limited.items).toHaveLength(101);
	});
});

describe('Event Orchestration → Get', () => {
	it('reads the orchestration by its UUID, routing keys included', async () => {
		const [record] = seeded();
		const result = await run({
			operation: 'get',
			eventOrchestrationId: byId(record.orchestration.id),
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].path).toBe(
			`/event_orchestrations/${record.orchestration.id}`,
		);
		expect(jsonOf(result)[0]).toMatchObject({
			id: record.orchestration.id,
			name: 'Platform Monitoring',
			integrations: [{ parameters: { routing_key: expect.stringMatching(/^R0[0-9a-f]{30}$/) } }],
		});
	});

	it('refuses an ID that is not a UUID before sending, and maps a 404 to an error item', async () => {
		const result = await run(
			{ operation: 'get', eventOrchestrationId: '={{ $json.id }}' },
			{
				items: [{ id: 'PABC123' }, { id: 'b02e973d-9620-4e0a-9edc-00fedf7d4694' }],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				error:
					'"Event Orchestration" must be a UUID such as b02e973d-9620-4e0a-9edc-00fedf7d4694 [item 0]',
			}),
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Event Orchestration → Get Router, Get Global Rules', () => {
	it("reads the router's rules and catch-all", async () => {
		const [record] = seeded();
		const result = await run({
			operation: 'getRouter',
			eventOrchestrationId: byId(record.orchestration.id),
		});
		expect(pagerDuty.restRequests()[0].path).toBe(
			`/event_orchestrations/${record.orchestration.id}/router`,
		);
		const [router] = jsonOf(result);
		expect(router).toMatchObject({
			type: 'router',
			parent: { id: record.orchestration.id, type: 'event_orchestration_reference' },
			catch_all: { actions: { route_to: 'unrouted' } },
		});
		expect(rulesOf(router).map((rule) => rule.actions)).toEqual([
			{ route_to: serviceNamed('Web Frontend').id },
			{ route_to: serviceNamed('Search Indexer').id },
		]);
	});

	it('reads the global rules', async () => {
		const [, record] = seeded();
		const result = await run({
			operation: 'getGlobalRules',
			eventOrchestrationId: byId(record.orchestration.id),
		});
		expect(pagerDuty.restRequests()[0].path).toBe(
			`/event_orchestrations/${record.orchestration.id}/global`,
		);
		expect(jsonOf(result)[0]).toMatchObject({ type: 'global' });
		expect(rulesOf(jsonOf(result)[0])[0]).toMatchObject({ actions: { severity: 'info' } });
	});
});

describe('Event Orchestration → Get Service Rules', () => {
	it("reads a service's rules, with the migration metadata when asked", async () => {
		const service = serviceNamed('Checkout API');
		const result = await run({
			operation: 'getServiceRules',
			serviceId: byId(service.id),
			options: { includeMigratedMetadata: true },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request.path).toBe(`/event_orchestrations/services/${service.id}`);
		expect(queryOf(request)).toEqual({ 'include[]': 'migrated_metadata' });
		expect(jsonOf(result)[0]).toMatchObject({
			type: 'service',
			parent: { id: service.id, type: 'service_reference' },
			migrated_status: null,
		});
	});

	it("shows PagerDuty's 404 for a service that does not exist", async () => {
		const result = await run({ operation: 'getServiceRules', serviceId: byId('PNOSUCH') });
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Event Orchestration → Update Router', () => {
	it('replaces the rules with the ones given, in order, and routes the rest to the catch-all service', async () => {
		const [record] = seeded();
		const web = serviceNamed('Web Frontend');
		const email = serviceNamed('Customer Email');
		const result = await run({
			operation: 'updateRouter',
			eventOrchestrationId: byId(record.orchestration.id),
			rules: {
				rule: [
					{
						label: 'Mail relays',
						conditions: "event.source matches part 'mx-'\n\n  event.class matches 'smtp'  ",
						routeTo: byId(email.id),
					},
					{
						label: '',
						conditions: '',
						routeTo: { __rl: true, mode: 'url', value: web.html_url },
						disabled: true,
					},
				],
			},
			catchAllServiceId: byId(web.id),
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/event_orchestrations/${record.orchestration.id}/router`,
		});
		expect(request.body).toEqual({
			orchestration_path: {
				sets: [
					{
						id: 'start',
						rules: [
							{
								label: 'Mail relays',
								conditions: [
									{ expression: "event.source matches part 'mx-'" },
									{ expression: "event.class matches 'smtp'" },
								],
								actions: { route_to: email.id },
								disabled: false,
							},
							{ conditions: [], actions: { route_to: web.id }, disabled: true },
						],
					},
				],
				catch_all: { actions: { route_to: web.id } },
			},
		});
		const [router] = jsonOf(result);
		expect(rulesOf(router).map((rule) => rule.id)).toEqual([
			expect.stringMatching(/^[0-9a-f]{8}$/),
			expect.stringMatching(/^[0-9a-f]{8}$/),
		]);
		expect(router).not.toHaveProperty('warnings');
		expect(record.orchestration.routes).toBe(2);
	});

	it('takes a Get Router output as JSON: what PagerDuty sets itself is dropped, rule IDs are kept', async () => {
		const [record] = seeded();
		const current = jsonOf(
			await run({ operation: 'getRouter', eventOrchestrationId: byId(record.orchestration.id) }),
		)[0];
		const ids = rulesOf(current).map((rule) => rule.id);
		const result = await run({
			operation: 'updateRouter',
			eventOrchestrationId: byId(record.orchestration.id),
			inputMode: 'json',
			routerJson: JSON.stringify({
				...current,
				sets: [{ id: 'start', rules: rulesOf(current).reverse() }],
			}),
		});
		expect(result.error).toBeUndefined();
		const sent = pagerDuty.restRequests()[1].body as {
			orchestration_path: Record<string, unknown>;
		};
		expect(Object.keys(sent.orchestration_path).sort()).toEqual(['catch_all', 'sets']);
		expect(rulesOf(jsonOf(result)[0]).map((rule) => rule.id)).toEqual(ids.reverse());
		expect(jsonOf(result)[0].version).not.toBe(current.version);
	});

	it('accepts dynamic routing in the first rule only, without conditions', async () => {
		const [record] = seeded();
		const dynamic = {
			actions: {
				dynamic_route_to: {
					source: 'event.custom_details.service',
					regex: '(.*)',
					lookup_by: 'service_name',
				},
			},
		};
		const routed = { conditions: [], actions: { route_to: serviceNamed('Web Frontend').id } };
		const json = (rules: unknown[]) =>
			JSON.stringify({
				sets: [{ id: 'start', rules }],
				catch_all: { actions: { route_to: 'unrouted' } },
			});
		const accepted = await run({
			operation: 'updateRouter',
			eventOrchestrationId: byId(record.orchestration.id),
			inputMode: 'json',
			routerJson: json([dynamic, routed]),
		});
		expect(accepted.error).toBeUndefined();
		const refused = await run({
			operation: 'updateRouter',
			eventOrchestrationId: byId(record.orchestration.id),
			inputMode: 'json',
			routerJson: json([routed, dynamic]),
		});
		expect(refused.error?.message).toBe(
			'"Router (JSON)" rule 2: only the first rule may route dynamically [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it.each([
		[
			'two rule sets',
			{
				sets: [
					{ id: 'start', rules: [] },
					{ id: 'more', rules: [] },
				],
			},
			'"Router (JSON)" must have "sets" with exactly one rule set, whose "id" is "start" [item 0]',
		],
		[
			'a rule without a service',
			{ sets: [{ id: 'start', rules: [{ actions: {} }] }] },
			'"Router (JSON)" rule 1: "actions.route_to" must be the ID of a service, such as PABC123 [item 0]',
		],
		[
			'a service ID longer than any ID',
			{ sets: [{ id: 'start', rules: [{ actions: { route_to: 'P'.repeat(65) } }] }] },
			'"Router (JSON)" rule 1: "actions.route_to" must be the ID of a service, such as PABC123 [item 0]',
		],
		[
			'no JSON object',
			'[1]',
			'"Router (JSON)" must be a JSON object such as {"key": "value"} [item 0]',
		],
	])('refuses %s before sending', async (_label, routerJson, message) => {
		const result = await run({
			operation: 'updateRouter',
			eventOrchestrationId: byId(seeded()[0].orchestration.id),
			inputMode: 'json',
			routerJson: typeof routerJson === 'string' ? routerJson : JSON.stringify(routerJson),
		});
		expect(result.error?.message).toBe(message);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 400 for a service that does not exist", async () => {
		const result = await run({
			operation: 'updateRouter',
			eventOrchestrationId: byId(seeded()[0].orchestration.id),
			rules: { rule: [{ routeTo: byId('PNOSUCH') }] },
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/route_to must be the ID of an existing service/);
	});
});

describe('Event Orchestration → Append Router Rule', () => {
	it('reads the router and writes it back with the new rule last, the others keeping their IDs', async () => {
		const [, , record] = seeded();
		const before = rulesOf(record.router as unknown as Record<string, unknown>).map((rule) => ({
			...rule,
		}));
		const search = serviceNamed('Search Indexer');
		const result = await run({
			operation: 'appendRouterRule',
			eventOrchestrationId: byId(record.orchestration.id),
			label: 'Indexer',
			conditions: "event.component matches 'indexer'",
			routeTo: byId(search.id),
		});
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(`${read.method} ${read.path}`).toBe(
			`GET /event_orchestrations/${record.orchestration.id}/router`,
		);
		expect(write.body).toEqual({
			orchestration_path: {
				sets: [
					{
						id: 'start',
						rules: [
							...before,
							{
								label: 'Indexer',
								conditions: [{ expression: "event.component matches 'indexer'" }],
								actions: { route_to: search.id },
								disabled: false,
							},
						],
					},
				],
				catch_all: { actions: { route_to: 'unrouted' } },
			},
		});
		const rules = rulesOf(jsonOf(result)[0]);
		expect(rules.map((rule) => rule.id)).toEqual([
			...before.map((rule) => rule.id),
			expect.stringMatching(/^[0-9a-f]{8}$/),
		]);
		expect(record.orchestration.routes).toBe(3);
	});

	it('explains a 409: the router was changed meanwhile', async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 409,
			operation: 'PUT /event_orchestrations/{id}/router',
			body: { error: { message: 'Conflict', code: 2001 } },
		});
		const result = await run({
			operation: 'appendRouterRule',
			eventOrchestrationId: byId(seeded()[0].orchestration.id),
			routeTo: byId(serviceNamed('Web Frontend').id),
		});
		expect(result.error?.message).toBe('PagerDuty 409: the router was changed meanwhile');
		expect(result.error?.description).toMatch(/Run the node again/);
		expect(result.error?.description).toMatch(/PagerDuty said: PagerDuty 409: Conflict/);
	});
});

describe('Event Orchestration locator', () => {
	it('lists orchestrations by name, filtering the page in the node', async () => {
		const result = await pagerDuty.listSearch('searchEventOrchestrations', {
			filter: 'monitoring',
		});
		expect(result.results).toEqual([
			{ name: 'Payments Monitoring', value: seeded()[1].orchestration.id },
			{ name: 'Platform Monitoring', value: seeded()[0].orchestration.id },
		]);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '25', offset: '0' });
	});
});
