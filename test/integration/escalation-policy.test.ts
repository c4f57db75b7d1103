import { ADMIN_EMAIL, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const user = (name: string) => store().users.find((candidate) => candidate.name === name)!;
const policyNamed = (name: string) =>
	store().escalationPolicies.find((policy) => policy.name === name)!;

describe('Escalation Policy → Create', () => {
	it('creates the policy with its rules and teams, sending From when given', async () => {
		const [schedule] = store().schedules;
		const [team] = store().teams;
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'create',
			name: 'Database On-Call',
			email: ADMIN_EMAIL,
			escalationRules: {
				rule: [
					{ delayMinutes: 10, scheduleIds: schedule.id, userIds: '' },
					{
						delayMinutes: 20,
						userIds: [user('Jane Doe').id, user('Alex Morgan').id],
						assignmentStrategy: 'round_robin',
					},
				],
			},
			additionalFields: {
				numLoops: 2,
				onCallHandoffNotifications: 'always',
				teamIds: [team.id],
				description: 'DB pager',
			},
		});

		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/escalation_policies', status: 201 });
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({
			escalation_policy: {
				type: 'escalation_policy',
				name: 'Database On-Call',
				description: 'DB pager',
				num_loops: 2,
				on_call_handoff_notifications: 'always',
				teams: [{ id: team.id, type: 'team_reference' }],
				escalation_rules: [
					{
						escalation_delay_in_minutes: 10,
						targets: [{ id: schedule.id, type: 'schedule_reference' }],
						escalation_rule_assignment_strategy: 'assign_to_everyone',
					},
					{
						escalation_delay_in_minutes: 20,
						targets: [
							{ id: user('Jane Doe').id, type: 'user_reference' },
							{ id: user('Alex Morgan').id, type: 'user_reference' },
						],
						escalation_rule_assignment_strategy: 'round_robin',
					},
				],
			},
		});
		const [policy] = jsonOf(result);
		expect(policy).toMatchObject({
			type: 'escalation_policy',
			name: 'Database On-Call',
			num_loops: 2,
			escalation_rules: [
				{
					escalation_delay_in_minutes: 10,
					targets: [expect.objectContaining({ id: schedule.id, summary: schedule.name })],
				},
				expect.objectContaining({ escalation_delay_in_minutes: 20 }),
			],
		});
		expect(schedule.escalation_policies.map((ref) => ref.id)).toContain(policy.id);
	});

	it('needs no From (PagerDuty only records it), and refuses a rule without targets before sending', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'escalationPolicy',
				operation: 'create',
				name: '={{ $json.name }}',
				escalationRules: { rule: [{ delayMinutes: 5, userIds: '={{ $json.users }}' }] },
			},
			{
				items: [
					{ name: 'Solo', users: user('Jane Doe').id },
					{ name: 'Nobody', users: '' },
				],
				continueOnFail: true,
			},
		);
		expect(pagerDuty.restRequests()).toHaveLength(1);
		expect(pagerDuty.restRequests()[0].headers.from).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ name: 'Solo' });
		expect(jsonOf(result)[1].error).toBe(
			'"Escalation Rules → Rule 1" needs 1 to 10 users and schedules in all, not 0 [item 1]',
		);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});

	it("shows PagerDuty's 400 for a target that does not exist", async () => {
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'create',
			name: 'Ghosts',
			escalationRules: { rule: [{ delayMinutes: 5, userIds: 'PNOSUCH' }] },
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/PNOSUCH/);
	});
});

describe('Escalation Policy → Get', () => {
	it('reads the policy with include[]', async () => {
		const policy = policyNamed('Payments On-Call');
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'get',
			escalationPolicyId: {
				__rl: true,
				mode: 'url',
				value: `https://acme.pagerduty.com/escalation_policies#${policy.id}`,
			},
			options: { include: ['targets'] },
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ 'include[]': 'targets' });
		const [output] = jsonOf(result);
		expect(output).toMatchObject({ id: policy.id, name: 'Payments On-Call' });
		expect(
			(output.escalation_rules as Array<{ targets: Array<{ type: string }> }>)[0].targets[0].type,
		).toBe('schedule');
	});

	it("fails with PagerDuty's 404 for an unknown policy", async () => {
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'get',
			escalationPolicyId: 'PNOSUCH',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Escalation Policy → Get Many', () => {
	it('filters by a user reached through a schedule, sorted as asked', async () => {
		const priya = user('Priya Raman'); // on the Platform Primary schedule and the second Support level
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'getAll',
			returnAll: true,
			options: { userIds: priya.id, sortBy: 'name:desc', include: ['teams'] },
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			'user_ids[]': priya.id,
			sort_by: 'name:desc',
			'include[]': 'teams',
		});
		expect(jsonOf(result).map((policy) => policy.name)).toEqual([
			'Support Escalation',
			'Platform On-Call',
		]);
	});

	it('honours the limit', async () => {
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'getAll',
			limit: 2,
		});
		expect(jsonOf(result).map((policy) => policy.name)).toEqual([
			'Payments On-Call',
			'Platform On-Call',
		]);
		expect(queryOf(pagerDuty.restRequests()[0]).limit).toBe('2');
	});
});

describe('Escalation Policy → Update', () => {
	it('reads the policy and sends it back whole with the changes, so nothing else is lost', async () => {
		const policy = policyNamed('Support Escalation');
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'update',
			escalationPolicyId: policy.id,
			updateFields: { name: 'Support Pager', numLoops: 1 },
		});
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(`${read.method} ${read.path}`).toBe(`GET /escalation_policies/${policy.id}`);
		expect(write).toMatchObject({
			method: 'PUT',
			path: `/escalation_policies/${policy.id}`,
			status: 200,
		});
		expect(write.body).toEqual({
			escalation_policy: {
				type: 'escalation_policy',
				name: 'Support Pager',
				description: '',
				num_loops: 1,
				on_call_handoff_notifications: 'if_has_services',
				escalation_rules: policy.escalation_rules.map((rule) => ({
					id: rule.id,
					escalation_delay_in_minutes: rule.escalation_delay_in_minutes,
					targets: rule.targets.map(({ id, type }) => ({ id, type })),
					escalation_rule_assignment_strategy: 'assign_to_everyone',
				})),
				teams: policy.teams.map(({ id, type }) => ({ id, type })),
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({ id: policy.id, name: 'Support Pager', num_loops: 1 });
		expect(policy.escalation_rules).toHaveLength(3);
	});

	it('replaces the rules when new ones are given', async () => {
		const policy = policyNamed('Platform On-Call');
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'update',
			escalationPolicyId: policy.id,
			escalationRules: { rule: [{ delayMinutes: 5, userIds: user('Kenji Sato').id }] },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].escalation_rules).toEqual([
			expect.objectContaining({
				escalation_delay_in_minutes: 5,
				targets: [expect.objectContaining({ id: user('Kenji Sato').id })],
			}),
		]);
		// The schedule the old first rule used no longer lists the policy.
		expect(store().schedules[0].escalation_policies.map((ref) => ref.id)).not.toContain(policy.id);
	});

	it("shows PagerDuty's 404 and sends no update for an unknown policy", async () => {
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'update',
			escalationPolicyId: 'PNOSUCH',
			updateFields: { name: 'x' },
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['GET']);
	});
});

describe('Escalation Policy → Delete', () => {
	it('deletes a policy no service uses (204) and returns { deleted, id }', async () => {
		const created = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'create',
			name: 'Temporary',
			escalationRules: { rule: [{ delayMinutes: 5, userIds: user('Jane Doe').id }] },
		});
		const id = String(jsonOf(created)[0].id);
		pagerDuty.sandbox.clearRequests();
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'delete',
			escalationPolicyId: id,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id }]);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/escalation_policies/${id}`,
			status: 204,
		});
		expect(store().escalationPolicy(id)).toBeUndefined();
	});

	it("shows PagerDuty's 400 while a service uses the policy", async () => {
		const policy = policyNamed('Platform On-Call');
		const result = await pagerDuty.run({
			resource: 'escalationPolicy',
			operation: 'delete',
			escalationPolicyId: policy.id,
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/in use by one or more services/);
		expect(store().escalationPolicy(policy.id)).toBeDefined();
	});
});
