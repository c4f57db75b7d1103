import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const policyLocator = (id: string) => ({ __rl: true, mode: 'list', value: id });

describe('Service → Create', () => {
	it("creates the service on the escalation policy with PagerDuty's body and returns it", async () => {
		const policy = store().escalationPolicies[0];
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'create',
			name: 'Billing API',
			escalationPolicyId: policyLocator(policy.id),
			additionalFields: {
				description: 'Invoices',
				autoResolveTimeout: 0,
				acknowledgementTimeout: 600,
				urgency: 'low',
				status: 'active',
			},
		});

		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/services', status: 201 });
		expect(request.body).toEqual({
			service: {
				type: 'service',
				name: 'Billing API',
				description: 'Invoices',
				auto_resolve_timeout: 0,
				acknowledgement_timeout: 600,
				status: 'active',
				incident_urgency_rule: { type: 'constant', urgency: 'low' },
				escalation_policy: { id: policy.id, type: 'escalation_policy_reference' },
			},
		});
		const [service] = jsonOf(result);
		expect(service).toMatchObject({
			type: 'service',
			name: 'Billing API',
			auto_resolve_timeout: null,
			acknowledgement_timeout: 600,
			escalation_policy: { id: policy.id, summary: policy.name },
			teams: [expect.objectContaining({ id: policy.teams[0].id })],
		});
		expect(service.html_url).toMatch(
			/^https:\/\/acme\.pagerduty\.com\/service-directory\/P[A-Z0-9]{6}$/,
		);
		expect(policy.services.map((ref) => ref.id)).toContain(service.id);
	});

	it("shows PagerDuty's 400 when the escalation policy does not exist", async () => {
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'create',
			name: 'Billing API',
			escalationPolicyId: policyLocator('PNOSUCH'),
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/Escalation policy not found/);
	});

	it('refuses a name another service has, as PagerDuty does', async () => {
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'create',
			name: store().services[0].name,
			escalationPolicyId: policyLocator(store().escalationPolicies[0].id),
		});
		expect(result.error?.description).toMatch(/Name has already been taken/);
	});
});

describe('Service → Get', () => {
	it('reads the service by URL with include[], paired with each item', async () => {
		const [first, second] = store().services;
		const result = await pagerDuty.run(
			{
				resource: 'service',
				operation: 'get',
				serviceId: { __rl: true, mode: 'url', value: '={{ $json.url }}' },
				options: { include: ['escalation_policies'] },
			},
			{ items: [{ url: first.html_url }, { url: second.html_url }] },
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((service) => service.id)).toEqual([first.id, second.id]);
		expect(jsonOf(result)[0].escalation_policy).toMatchObject({
			type: 'escalation_policy',
			escalation_rules: expect.any(Array),
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ 'include[]': 'escalation_policies' });
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});

	it("maps PagerDuty's 404 to an error item; the other items go on", async () => {
		const result = await pagerDuty.run(
			{ resource: 'service', operation: 'get', serviceId: '={{ $json.id }}' },
			{ items: [{ id: 'PNOSUCH' }, { id: store().services[0].id }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
		expect(jsonOf(result)[1]).toMatchObject({ id: store().services[0].id });
	});
});

describe('Service → Get Many', () => {
	it("returns simplified services by default, with PagerDuty's filters", async () => {
		const team = store().teams.find((candidate) => candidate.name === 'Payments')!;
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'getAll',
			returnAll: true,
			options: { teamIds: team.id, sortBy: 'name:desc', query: 'a', timeZone: 'Europe/Berlin' },
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			'team_ids[]': team.id,
			sort_by: 'name:desc',
			query: 'a',
			time_zone: 'Europe/Berlin',
		});
		const expected = store()
			.services.filter((service) => service.teams.some((ref) => ref.id === team.id))
			.map((service) => service.name)
			.sort()
			.reverse();
		expect(jsonOf(result).map((service) => service.name)).toEqual(expected);
		const [first] = jsonOf(result);
		expect(Object.keys(first).sort()).toEqual(
			[
				'created_at',
				'description',
				'escalation_policy',
				'html_url',
				'id',
				'last_incident_timestamp',
				'name',
				'status',
				'teams',
			].sort(),
		);
		expect(first.teams).toEqual([{ id: team.id, name: 'Payments' }]);
	});

	it('pages past 100 services with a limit, and returns whole services without Simplify', async () => {
		for (let index = 0; index < 120; index++) {
			store().services.push({
				...store().services[0],
				id: `PSVC${String(index).padStart(3, '0')}`,
				name: `Generated ${index}`,
				summary: `Generated ${index}`,
			});
		}
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'getAll',
			limit: 110,
			simplify: false,
		});
		expect(result.items).toHaveLength(110);
		expect(pagerDuty.restRequests().map((request) => Number(queryOf(request).offset))).toEqual([
			0, 100,
		]);
		expect(jsonOf(result)[0]).toHaveProperty('incident_urgency_rule');
	});
});

describe('Service → Update', () => {
	it('sends only the fields given, keeping the current escalation policy', async () => {
		const service = store().services[0];
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'update',
			serviceId: service.id,
			updateFields: { name: 'Website', status: 'disabled' },
		});
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /services/${service.id}`,
			`PUT /services/${service.id}`,
		]);
		expect(requests[1].body).toEqual({
			service: {
				type: 'service',
				name: 'Website',
				status: 'disabled',
				escalation_policy: {
					id: service.escalation_policy.id,
					type: 'escalation_policy_reference',
				},
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id: service.id,
			name: 'Website',
			status: 'disabled',
			description: service.description,
		});
	});

	it('moves the service to another escalation policy in one request', async () => {
		const service = store().services[0];
		const target = store().escalationPolicies.find(
			(policy) => policy.id !== service.escalation_policy.id,
		)!;
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'update',
			serviceId: service.id,
			updateFields: { escalationPolicyId: { __rl: true, mode: 'id', value: target.id } },
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()).toHaveLength(1);
		expect(jsonOf(result)[0]).toMatchObject({
			escalation_policy: { id: target.id },
			teams: [expect.objectContaining({ id: target.teams[0].id })],
		});
	});

	it('refuses an empty update before sending', async () => {
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'update',
			serviceId: store().services[0].id,
			updateFields: {},
		});
		expect(result.error?.message).toBe('Add at least one field under "Update Fields" [item 0]');
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Service → Delete', () => {
	it('deletes the service (PagerDuty answers 204) and returns { deleted, id }', async () => {
		const service = store().services[4];
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'delete',
			serviceId: service.id,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/services/${service.id}`,
			status: 204,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: service.id }]);
		expect(store().service(service.id)).toBeUndefined();
	});

	it("fails with PagerDuty's 404 for a service that does not exist", async () => {
		const result = await pagerDuty.run({
			resource: 'service',
			operation: 'delete',
			serviceId: 'PNOSUCH',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});
