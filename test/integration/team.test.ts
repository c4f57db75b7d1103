import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { teamMemberships } from '../../dev/sandbox/rest-users';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const teamNamed = (name: string) => store().teams.find((team) => team.name === name)!;
const userNamed = (name: string) => store().users.find((user) => user.name === name)!;
const policyNamed = (name: string) =>
	store().escalationPolicies.find((policy) => policy.name === name)!;

describe('Team → Create', () => {
	it("creates the team with PagerDuty's body and returns it", async () => {
		const result = await pagerDuty.run({
			resource: 'team',
			operation: 'create',
			name: 'Data Platform',
			additionalFields: { description: 'Warehouse and pipelines', defaultRole: 'none' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/teams', status: 201 });
		expect(request.body).toEqual({
			team: {
				type: 'team',
				name: 'Data Platform',
				description: 'Warehouse and pipelines',
				default_role: 'none',
			},
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				type: 'team',
				name: 'Data Platform',
				summary: 'Data Platform',
				self: expect.stringMatching(/\/teams\/P[A-Z0-9]{6}$/),
			}),
		]);
	});

	it('refuses a name over 100 characters before sending; PagerDuty refuses a taken name', async () => {
		const result = await pagerDuty.run(
			{ resource: 'team', operation: 'create', name: '={{ $json.name }}' },
			{ items: [{ name: 'x'.repeat(101) }, { name: 'payments' }], continueOnFail: true },
		);
		const [tooLong, taken] = jsonOf(result);
		expect(tooLong.error).toBe('"Name" must be at most 100 characters [item 0]');
		expect(taken).toMatchObject({ error: 'PagerDuty 400: Invalid Input Provided (code 2001)' });
		expect(taken.description).toMatch(/Name has already been taken/);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Team → Get / Get Many', () => {
	it('reads a team by ID and maps a 404', async () => {
		const team = teamNamed('Payments');
		const result = await pagerDuty.run(
			{ resource: 'team', operation: 'get', teamId: '={{ $json.id }}' },
			{ items: [{ id: team.id }, { id: 'PNOPE42' }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({ id: team.id, name: 'Payments' });
		expect(jsonOf(result)[1]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
	});

	it('lists teams by name text', async () => {
		const result = await pagerDuty.run({
			resource: 'team',
			operation: 'getAll',
			returnAll: true,
			options: { query: 'pay' },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({ query: 'pay' });
		expect(jsonOf(result).map((team) => team.name)).toEqual(['Payments']);
	});
});

describe('Team → Update', () => {
	it('keeps the current name PagerDuty requires when only the description changes', async () => {
		const team = teamNamed('Platform');
		const result = await pagerDuty.run({
			resource: 'team',
			operation: 'update',
			teamId: team.id,
			updateFields: { description: 'Infra' },
		});
		expect(result.error).toBeUndefined();
		const write = pagerDuty.restRequests()[1];
		expect(write).toMatchObject({ method: 'PUT', path: `/teams/${team.id}`, status: 200 });
		expect(write.body).toEqual({ team: { type: 'team', name: 'Platform', description: 'Infra' } });
		expect(jsonOf(result)[0]).toMatchObject({ name: 'Platform', description: 'Infra' });
	});

	it('renames in one request', async () => {
		const team = teamNamed('Platform');
		await pagerDuty.run({
			resource: 'team',
			operation: 'update',
			teamId: team.id,
			updateFields: { name: 'Core Platform' },
		});
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['PUT']);
		expect(store().team(team.id)?.name).toBe('Core Platform');
	});
});

describe('Team → Delete', () => {
	it('deletes a team, handing its escalation policies to the reassignment team', async () => {
		const [platform, payments] = [teamNamed('Platform'), teamNamed('Payments')];
		const result = await pagerDuty.run({
			resource: 'team',
			operation: 'delete',
			teamId: platform.id,
			options: { reassignmentTeamId: payments.id },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'DELETE', path: `/teams/${platform.id}`, status: 204 });
		expect(queryOf(request)).toEqual({ reassignment_team: payments.id });
		expect(jsonOf(result)).toEqual([{ deleted: true, id: platform.id }]);
		expect(store().team(platform.id)).toBeUndefined();
		expect(policyNamed('Platform On-Call').teams.map((team) => team.id)).toEqual([payments.id]);
		expect(userNamed('Kenji Sato').teams).toEqual([]);
	});
});

describe('Team → members', () => {
	it('adds a member with a role, then lists the members with their roles', async () => {
		const [team, user] = [teamNamed('Payments'), userNamed('Kenji Sato')];
		const added = await pagerDuty.run({
			resource: 'team',
			operation: 'addMember',
			teamId: team.id,
			userId: user.id,
			role: 'observer',
		});
		expect(added.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/teams/${team.id}/users/${user.id}`,
			status: 204,
			body: { role: 'observer' },
		});
		expect(jsonOf(added)).toEqual([
			{ added: true, teamId: team.id, userId: user.id, role: 'observer' },
		]);

		const members = await pagerDuty.run({
			resource: 'team',
			operation: 'getAllMembers',
			teamId: team.id,
			returnAll: true,
			options: { includeUsers: true },
		});
		expect(queryOf(pagerDuty.restRequests()[1])).toMatchObject({ 'include[]': 'users' });
		expect(jsonOf(members)).toEqual(
			expect.arrayContaining([
				{
					user: expect.objectContaining({
						id: user.id,
						type: 'user',
						email: 'kenji.sato@example.com',
					}),
					role: 'observer',
				},
				{ user: expect.objectContaining({ name: 'Jane Doe' }), role: 'manager' },
			]),
		);
		expect(members.items).toHaveLength(4);
	});

	it("removes a member; removing a non-member is PagerDuty's 404", async () => {
		const [team, member, stranger] = [
			teamNamed('Platform'),
			userNamed('Lukas Becker'),
			userNamed('Tom Walsh'),
		];
		const result = await pagerDuty.run(
			{
				resource: 'team',
				operation: 'removeMember',
				teamId: team.id,
				userId: '={{ $json.userId }}',
			},
			{ items: [{ userId: member.id }, { userId: stranger.id }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toEqual({ removed: true, teamId: team.id, userId: member.id });
		expect(jsonOf(result)[1]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
		expect(
			teamMemberships(store()).some(
				(entry) => entry.teamId === team.id && entry.userId === member.id,
			),
		).toBe(false);
		expect(member.teams.some((reference) => reference.id === team.id)).toBe(false);
	});
});

describe('Team → escalation policies', () => {
	it('adds an escalation policy to a team and removes it again', async () => {
		const [team, policy] = [teamNamed('Customer Support'), policyNamed('Payments On-Call')];
		const parameters = {
			resource: 'team',
			teamId: team.id,
			escalationPolicyId: { __rl: true, mode: 'id', value: policy.id },
		};
		const added = await pagerDuty.run({ ...parameters, operation: 'addEscalationPolicy' });
		expect(jsonOf(added)).toEqual([
			{ added: true, teamId: team.id, escalationPolicyId: policy.id },
		]);
		expect(policy.teams.map((reference) => reference.id)).toContain(team.id);

		const removed = await pagerDuty.run({ ...parameters, operation: 'removeEscalationPolicy' });
		expect(jsonOf(removed)).toEqual([
			{ removed: true, teamId: team.id, escalationPolicyId: policy.id },
		]);
		expect(
			pagerDuty
				.restRequests()
				.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([
			`PUT /teams/${team.id}/escalation_policies/${policy.id} 204`,
			`DELETE /teams/${team.id}/escalation_policies/${policy.id} 204`,
		]);
		expect(policy.teams.map((reference) => reference.id)).not.toContain(team.id);
	});

	it("maps PagerDuty's 404 for a policy that is not on the team", async () => {
		const result = await pagerDuty.run({
			resource: 'team',
			operation: 'removeEscalationPolicy',
			teamId: teamNamed('Customer Support').id,
			escalationPolicyId: policyNamed('Payments On-Call').id,
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});
