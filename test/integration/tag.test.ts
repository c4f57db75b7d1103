import { byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { tagAssignments, tags } from '../../dev/sandbox/rest-tags';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const seeded = () => tags(store());
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'tag', ...parameters } as never, options);
const tagNamed = (label: string) => seeded().find((tag) => tag.label === label)!;
const labelsOf = (entityType: string, entityId: string) =>
	tagAssignments(store())
		.filter(
			(assignment) => assignment.entityType === entityType && assignment.entityId === entityId,
		)
		.map(({ tagId }) => seeded().find((tag) => tag.id === tagId)!.label);

describe('Tag → Get Many', () => {
	it('pages past 100 tags, and filters by label', async () => {
		for (let index = 0; index < 80; index++)
			seeded().push({
				...seeded()[0],
				id: `PTAG${String(index).padStart(3, '0')}`,
				label: `generated-${index}`,
			});
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(116);
		expect(pagerDuty.restRequests().map((request) => queryOf(request).offset)).toEqual([
			'0',
			'100',
		]);
		const filtered = await run({ operation: 'getAll', limit: 3, options: { query: 'TIER' } });
		expect(jsonOf(filtered).map((tag) => tag.label)).toEqual(['tier-1', 'tier-2', 'tier-3']);
		expect(queryOf(pagerDuty.restRequests()[2])).toMatchObject({ query: 'TIER', limit: '3' });
	});
});

describe('Tag → Create, Get, Delete', () => {
	it('creates a tag with its label and reads it back', async () => {
		const created = await run({ operation: 'create', label: ' gpu ' });
		expect(created.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/tags',
			status: 201,
			body: { tag: { type: 'tag', label: 'gpu' } },
		});
		const [tag] = jsonOf(created);
		expect(tag).toMatchObject({ type: 'tag', label: 'gpu', html_url: null });
		const read = await run({ operation: 'get', tagId: byId(tag.id) });
		expect(jsonOf(read)).toEqual([tag]);
	});

	it("refuses a label over 191 characters before sending, and shows PagerDuty's 400 for a taken one", async () => {
		const tooLong = await run({ operation: 'create', label: 'x'.repeat(192) });
		expect(tooLong.error?.message).toBe('"Label" must be at most 191 characters [item 0]');
		expect(pagerDuty.restRequests()).toHaveLength(0);
		const taken = await run({ operation: 'create', label: 'SRE' });
		expect(taken.error?.description).toMatch(/Label has already been taken/);
	});

	it('deletes a tag, which leaves every entity that wore it', async () => {
		const sre = tagNamed('sre');
		const result = await run({ operation: 'delete', tagId: byId(sre.id) });
		expect(jsonOf(result)).toEqual([{ deleted: true, id: sre.id }]);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/tags/${sre.id}`,
			status: 204,
		});
		expect(tagAssignments(store()).some((assignment) => assignment.tagId === sre.id)).toBe(false);
	});

	it("maps PagerDuty's 404 to an error item, paired with its item", async () => {
		const result = await run(
			{ operation: 'get', tagId: '={{ $json.id }}' },
			{ items: [{ id: 'PNOSUCH' }, { id: seeded()[0].id }], continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
			expect.objectContaining({ id: seeded()[0].id }),
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('Tag → Add to Entity, Remove From Entity', () => {
	it('adds tags by ID and by label to a team: a new label becomes a tag, a known one is reused', async () => {
		const team = store().teams[2];
		const result = await run({
			operation: 'addToEntity',
			entityType: 'teams',
			teamId: { __rl: true, mode: 'url', value: team.html_url },
			tagIds: `${tagNamed('support').id}`,
			labels: ['Tier-2', 'customer-facing'],
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/teams/${team.id}/change_tags`,
			status: 200,
		});
		const added = [
			{ type: 'tag_reference', id: tagNamed('support').id },
			{ type: 'tag', label: 'Tier-2' },
			{ type: 'tag', label: 'customer-facing' },
		];
		expect(request.body).toEqual({ add: added });
		expect(jsonOf(result)).toEqual([{ entity_type: 'teams', id: team.id, added }]);
		expect(labelsOf('teams', team.id)).toEqual(['support', 'tier-2', 'customer-facing']);
	});

	it('removes tags from an escalation policy', async () => {
		const policy = store().escalationPolicies[0];
		const tier1 = tagNamed('tier-1');
		const result = await run({
			operation: 'removeFromEntity',
			entityType: 'escalation_policies',
			escalationPolicyId: byId(policy.id),
			tagIds: tier1.id,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			path: `/escalation_policies/${policy.id}/change_tags`,
			body: { remove: [{ type: 'tag_reference', id: tier1.id }] },
		});
		expect(jsonOf(result)).toEqual([
			{
				entity_type: 'escalation_policies',
				id: policy.id,
				removed: [{ type: 'tag_reference', id: tier1.id }],
			},
		]);
		expect(labelsOf('escalation_policies', policy.id)).toEqual([]);
	});

	it.each([
		[
			'no tag at all',
			{ operation: 'addToEntity', tagIds: ' ', labels: [] },
			'"Tag IDs" or "New Labels" must name at least one tag [item 0]',
		],
		[
			'a blank removal',
			{ operation: 'removeFromEntity', tagIds: ' , ' },
			'"Tag IDs" must name at least one tag [item 0]',
		],
		[
			'an entity type PagerDuty does not tag',
			{ operation: 'addToEntity', entityType: 'services', tagIds: 'PTAG001' },
			'"Entity Type" must be one of escalation_policies, teams, users (not "services") [item 0]',
		],
		[
			'a label over 191 characters',
			{ operation: 'addToEntity', labels: ['y'.repeat(200)] },
			'"New Labels" must be at most 191 characters [item 0]',
		],
	])('refuses %s before sending', async (_label, parameters, message) => {
		const result = await run({
			entityType: 'users',
			userId: byId(store().users[0].id),
			...parameters,
		});
		expect(result.error?.message).toBe(message);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 404 for a tag ID that does not exist, and changes nothing", async () => {
		const user = store().users[3];
		const result = await run({
			operation: 'addToEntity',
			entityType: 'users',
			userId: byId(user.id),
			tagIds: 'PNOSUCH',
			labels: ['fresh'],
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(labelsOf('users', user.id)).toEqual([]);
		expect(seeded().some((tag) => tag.label === 'fresh')).toBe(false);
	});
});

describe('Tag → Get Many Entities, Get Many for an Entity', () => {
	it('lists the users wearing a tag, as references', async () => {
		const sre = tagNamed('sre');
		const result = await run({
			operation: 'getAllEntities',
			tagId: byId(sre.id),
			entityType: 'users',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].path).toBe(`/tags/${sre.id}/users`);
		const [jane, , priya] = store().users;
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id: jane.id, type: 'user_reference', summary: jane.name }),
			expect.objectContaining({ id: priya.id, type: 'user_reference' }),
		]);
	});

	it("lists a user's tags", async () => {
		const jane = store().users[0];
		const result = await run({
			operation: 'getAllForEntity',
			entityType: 'users',
			userId: byId(jane.id),
			returnAll: true,
		});
		expect(pagerDuty.restRequests()[0].path).toBe(`/users/${jane.id}/tags`);
		expect(jsonOf(result).map((tag) => tag.label)).toEqual(['sre', 'platform']);
	});

	it("shows PagerDuty's 404 for a team that does not exist", async () => {
		const result = await run({
			operation: 'getAllForEntity',
			entityType: 'teams',
			teamId: byId('PNOSUCH'),
			returnAll: true,
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Tag locator', () => {
	it("searches tags by label with PagerDuty's query filter", async () => {
		const result = await pagerDuty.listSearch('searchTags', { filter: 'tier' });
		expect(result.results).toEqual(
			['tier-1', 'tier-2', 'tier-3'].map((label) => ({ name: label, value: tagNamed(label).id })),
		);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			limit: '25',
			offset: '0',
			query: 'tier',
		});
	});
});
