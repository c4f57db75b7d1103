import { byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { businessServices } from '../../dev/sandbox/rest-business-services';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const seeded = () => businessServices(store());
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'businessService', ...parameters } as never, options);

describe('Business Service → Create', () => {
	it("sends PagerDuty's body with the team's ID and returns the business service (PagerDuty answers 200)", async () => {
		const team = store().teams[0];
		const result = await run({
			operation: 'create',
			name: '  Mobile Checkout ',
			additionalFields: {
				description: 'Checkout in the mobile apps',
				pointOfContact: 'Mobile Lead',
				teamId: { __rl: true, mode: 'url', value: team.html_url },
			},
		});

		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/business_services', status: 200 });
		expect(request.body).toEqual({
			business_service: {
				name: 'Mobile Checkout',
				description: 'Checkout in the mobile apps',
				point_of_contact: 'Mobile Lead',
				team: { id: team.id },
			},
		});
		const [created] = jsonOf(result);
		expect(created).toMatchObject({
			type: 'business_service',
			name: 'Mobile Checkout',
			point_of_contact: 'Mobile Lead',
			team: { id: team.id, type: 'team_reference' },
		});
		expect(seeded().map((business) => business.id)).toContain(created.id);
	});

	it('refuses an empty name before sending, naming the parameter and the item', async () => {
		const result = await run({ operation: 'create', name: '   ' });
		expect(result.error?.message).toBe('"Name" must not be empty [item 0]');
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 400 for a name another business service has, paired with its item", async () => {
		const result = await run(
			{ operation: 'create', name: '={{ $json.name }}' },
			{ items: [{ name: seeded()[0].name }, { name: 'Fresh' }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({
			error: 'PagerDuty 400: Invalid Input Provided (code 2001)',
		});
		expect(String(jsonOf(result)[0].description)).toMatch(/Name has already been taken/);
		expect(jsonOf(result)[1]).toMatchObject({ name: 'Fresh' });
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('Business Service → Get', () => {
	it('reads the business service by ID', async () => {
		const target = seeded()[0];
		const result = await run({ operation: 'get', businessServiceId: byId(target.id) });
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].path).toBe(`/business_services/${target.id}`);
		expect(jsonOf(result)).toEqual([target]);
	});

	it("maps PagerDuty's 404 to an error item and refuses a malformed ID before sending", async () => {
		const result = await run(
			{ operation: 'get', businessServiceId: '={{ $json.id }}' },
			{ items: [{ id: 'PNOSUCH' }, { id: '../users' }], continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
			expect.objectContaining({
				error:
					'"Business Service" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 1]',
			}),
		]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Business Service → Get Many', () => {
	const addMany = (count: number) => {
		for (let index = 0; index < count; index++)
			seeded().push({ ...seeded()[1], id: `PBS${String(index).padStart(4, '0')}` });
	};

	it('returns every business service, paging past 100', async () => {
		addMany(120);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((business) => business.id)).toEqual(seeded().map(({ id }) => id));
		expect(pagerDuty.restRequests().map((request) => queryOf(request))).toEqual([
			{ limit: '100', offset: '0', total: 'true' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('stops at the Limit', async () => {
		addMany(120);
		const result = await run({ operation: 'getAll', limit: 105 });
		expect(result.items).toHaveLength(105);
		expect(jsonOf(result)[104].id).toBe(seeded()[104].id);
	});
});

describe('Business Service → Update', () => {
	it('reads the business service, then sends every field with the changes', async () => {
		const target = seeded()[0];
		const result = await run({
			operation: 'update',
			businessServiceId: byId(target.id),
			updateFields: { pointOfContact: 'Head of Payments' },
		});
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /business_services/${target.id}`,
			`PUT /business_services/${target.id}`,
		]);
		expect(requests[1].body).toEqual({
			business_service: {
				name: 'Online Checkout',
				description: 'Customers pay for their orders.',
				point_of_contact: 'Head of Payments',
				team: { id: target.team!.id },
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id: target.id,
			point_of_contact: 'Head of Payments',
		});
	});

	it('gives a business service without a team the team chosen', async () => {
		const target = seeded()[1];
		const team = store().teams[2];
		const result = await run({
			operation: 'update',
			businessServiceId: byId(target.id),
			updateFields: { teamId: byId(team.id), name: 'Customer Emails' },
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[1].body).toEqual({
			business_service: {
				name: 'Customer Emails',
				description: target.description,
				point_of_contact: 'Support Lead',
				team: { id: team.id },
			},
		});
		expect(seeded()[1]).toMatchObject({ name: 'Customer Emails', team: { id: team.id } });
	});

	it('refuses an empty update and a malformed team ID before sending', async () => {
		const empty = await run({
			operation: 'update',
			businessServiceId: byId(seeded()[0].id),
			updateFields: {},
		});
		expect(empty.error?.message).toBe('Add at least one field under "Update Fields" [item 0]');
		const badTeam = await run({
			operation: 'update',
			businessServiceId: byId(seeded()[0].id),
			updateFields: { teamId: byId('P-1') },
		});
		expect(badTeam.error?.message).toBe(
			'"Team" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 400 for a team that does not exist", async () => {
		const result = await run({
			operation: 'update',
			businessServiceId: byId(seeded()[0].id),
			updateFields: { teamId: byId('PNOSUCH') },
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/Team not found/);
	});
});

describe('Business Service → Delete', () => {
	it('deletes the business service (PagerDuty answers 204) and returns { deleted, id }', async () => {
		const target = seeded()[2];
		const result = await run({ operation: 'delete', businessServiceId: byId(target.id) });
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/business_services/${target.id}`,
			status: 204,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: target.id }]);
		expect(seeded().map(({ id }) => id)).not.toContain(target.id);
	});

	it("fails with PagerDuty's 404 for a business service that does not exist", async () => {
		const result = await run({ operation: 'delete', businessServiceId: byId('PNOSUCH') });
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Business Service locator', () => {
	it('lists business services and filters the page by name in the node (PagerDuty has no filter)', async () => {
		const all = await pagerDuty.listSearch('searchBusinessServices');
		expect(all.results).toEqual(
			seeded().map((business) => ({ name: business.name, value: business.id })),
		);
		const filtered = await pagerDuty.listSearch('searchBusinessServices', { filter: 'STORE' });
		expect(filtered.results).toEqual([{ name: 'Storefront', value: seeded()[2].id }]);
		expect(queryOf(pagerDuty.restRequests()[1])).toEqual({ limit: '25', offset: '0' });
	});
});
