import { ADMIN_EMAIL, byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const userNamed = (name: string) => store().users.find((user) => user.name === name)!;

describe('User → Get (drop-in)', () => {
	it('reads the user from a plain ID string, as workflows of the built-in node hold it', async () => {
		const user = userNamed('Priya Raman');
		const result = await pagerDuty.run({ resource: 'user', operation: 'get', userId: user.id });
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/users/${user.id}`,
			status: 200,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id: user.id, email: 'priya.raman@example.com' }),
		]);
	});

	it('reads the ID from a profile URL and maps a 404 to a hint', async () => {
		const user = userNamed('Kenji Sato');
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'get',
				userId: { __rl: true, mode: 'url', value: '={{ $json.url }}' },
			},
			{
				items: [
					{ url: `https://acme.pagerduty.com/users/${user.id}` },
					{ url: 'https://acme.pagerduty.com/users/PNOPE42' },
				],
				continueOnFail: true,
			},
		);
		const [found, missing] = jsonOf(result);
		expect(found).toMatchObject({ id: user.id });
		expect(missing).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
		expect(missing.description).toMatch(/Check the ID/);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('User → Get Many', () => {
	it('lists users simplified by default, filtered by query, team and include', async () => {
		const platform = store().teams.find((team) => team.name === 'Platform')!;
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			options: { query: 'e', teamIds: platform.id, include: ['contact_methods'] },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(queryOf(request)).toMatchObject({
			query: 'e',
			'team_ids[]': platform.id,
			'include[]': 'contact_methods',
			limit: '100',
			offset: '0',
		});
		const users = jsonOf(result);
		expect(users.map((user) => user.name)).toEqual([
			'Jane Doe',
			'Kenji Sato',
			'Lukas Becker',
			'Priya Raman',
		]);
		expect(Object.keys(users[0]).sort()).toEqual(
			[
				'contact_methods',
				'email',
				'html_url',
				'id',
				'job_title',
				'name',
				'role',
				'teams',
				'time_zone',
			].sort(),
		);
		expect(users[0].teams).toEqual(expect.arrayContaining([{ id: platform.id, name: 'Platform' }]));
		expect(users[0].contact_methods).toEqual([
			expect.objectContaining({ type: 'email_contact_method', address: 'jane.doe@example.com' }),
		]);
	});

	it('returns whole users with Simplify off, up to the limit', async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getAll',
			limit: 3,
			simplify: false,
		});
		expect(jsonOf(result)).toHaveLength(3);
		expect(jsonOf(result)[0]).toHaveProperty('notification_rules');
		expect(queryOf(pagerDuty.restRequests()[0]).limit).toBe('3');
	});
});

describe('User → Get Current', () => {
	it("reads the token's own user with a user API token", async () => {
		const result = await pagerDuty.run(
			{ resource: 'user', operation: 'getCurrent', options: { include: ['teams'] } },
			{ auth: 'userToken' },
		);
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: '/users/me',
			status: 200,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				email: ADMIN_EMAIL,
				teams: expect.arrayContaining([
					expect.objectContaining({ type: 'team', name: 'Platform' }),
				]),
			}),
		]);
	});

	it('works with OAuth2', async () => {
		const result = await pagerDuty.run(
			{ resource: 'user', operation: 'getCurrent' },
			{ auth: 'oAuth2' },
		);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ email: ADMIN_EMAIL })]);
	});

	it('says that an account-level key cannot be "me"', async () => {
		const result = await pagerDuty.run({ resource: 'user', operation: 'getCurrent' });
		expect(result.error?.message).toBe(
			'PagerDuty 400: Get Current User needs a user API token or OAuth2, not an account-level API key',
		);
		expect(result.error?.description).toMatch(/User → Get/);
		expect(result.error?.description).toMatch(/account-level access token/);
	});
});

describe('User → Create', () => {
	it("creates the user with PagerDuty's body and From, and returns it", async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'create',
			name: 'Ada Lovelace',
			userEmail: 'ada@example.com',
			email: ADMIN_EMAIL,
			additionalFields: {
				role: 'limited_user',
				timeZone: 'Europe/London',
				jobTitle: 'Analyst',
				color: 'teal',
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/users', status: 201 });
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({
			user: {
				type: 'user',
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				role: 'limited_user',
				time_zone: 'Europe/London',
				job_title: 'Analyst',
				color: 'teal',
			},
		});
		const [user] = jsonOf(result);
		expect(user).toMatchObject({
			type: 'user',
			name: 'Ada Lovelace',
			role: 'limited_user',
			html_url: expect.stringMatching(/^https:\/\/acme\.pagerduty\.com\/users\/P[A-Z0-9]{6}$/),
		});
		expect(store().user(user.id as string)).toBeDefined();
	});

	it("passes on PagerDuty's 400 for an email that is taken", async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'create',
			name: 'Jane Again',
			userEmail: 'Jane.Doe@example.com',
			email: ADMIN_EMAIL,
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/Email has already been taken/);
	});

	it('refuses a bad time zone before sending', async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'create',
			name: 'Ada',
			userEmail: 'ada@example.com',
			email: ADMIN_EMAIL,
			additionalFields: { timeZone: 'Mars/Olympus' },
		});
		expect(result.error?.message).toBe(
			'"Time Zone" must be an IANA time zone such as Europe/Berlin [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('User → Update', () => {
	it('sends the changed fields with the current name and email, as PagerDuty requires', async () => {
		const user = userNamed('Tom Walsh');
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'update',
			userId: byId(user.id),
			updateFields: { jobTitle: 'Head of Product', role: 'user' },
		});
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(read).toMatchObject({ method: 'GET', path: `/users/${user.id}` });
		expect(write).toMatchObject({ method: 'PUT', path: `/users/${user.id}`, status: 200 });
		expect(write.body).toEqual({
			user: {
				type: 'user',
				name: 'Tom Walsh',
				email: 'tom.walsh@example.com',
				job_title: 'Head of Product',
				role: 'user',
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id: user.id,
			job_title: 'Head of Product',
			role: 'user',
		});
	});

	it('refuses an empty update before sending', async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'update',
			userId: userNamed('Tom Walsh').id,
			updateFields: {},
		});
		expect(result.error?.message).toBe('Add at least one field under "Update Fields" [item 0]');
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('User → Delete', () => {
	it('deletes a user and reports it', async () => {
		const user = userNamed('Tom Walsh');
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'delete',
			userId: byId(user.id),
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/users/${user.id}`,
			status: 204,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: user.id }]);
		expect(store().user(user.id)).toBeUndefined();
	});

	it("passes on PagerDuty's refusal to delete the account owner", async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'delete',
			userId: userNamed('Alex Morgan').id,
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/account owner cannot be deleted/);
	});
});

describe('User → Get Many Contact Methods', () => {
	it('returns each contact method as an item', async () => {
		const user = userNamed('Lukas Becker');
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getAllContactMethods',
			userId: user.id,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/users/${user.id}/contact_methods`,
			status: 200,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				type: 'email_contact_method',
				address: 'lukas.becker@example.com',
				id: user.contact_methods[0].id,
			}),
		]);
	});

	it("maps PagerDuty's 404 for an unknown user", async () => {
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getAllContactMethods',
			userId: 'PNOPE42',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});
