import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';
import { tagAssignments, tags } from '../../dev/sandbox/rest-tags';

/** Tags on users, teams and escalation policies: change_tags, the per-type lists, deletes. */
describe('PagerDuty sandbox tags', () => {
	const server = useSandboxServer({ seed: { incidents: 5 } });

	const changeTags = (path: string, body: unknown) =>
		call(server.sandbox.url, 'POST', `${path}/change_tags`, { body });

	it('makes one tag of a label given twice, reuses a label in any case, and answers {}', async () => {
		const user = server.sandbox.store.users[4];
		const count = tags(server.sandbox.store).length;
		const response = await changeTags(`/users/${user.id}`, {
			add: [
				{ type: 'tag', label: 'night-shift' },
				{ type: 'tag', label: 'Night-Shift' },
				{ type: 'tag', label: 'SRE' },
			],
		});
		expect(response).toMatchObject({ status: 200, body: {} });
		expect(tags(server.sandbox.store)).toHaveLength(count + 1);
		const listed = await call(server.sandbox.url, 'GET', `/users/${user.id}/tags`);
		expect(listed.body.tags.map((tag: { label: string }) => tag.label)).toEqual([
			'night-shift',
			'sre',
		]);
	});

	it('lists the tagged objects under the entity type, and refuses types PagerDuty does not tag', async () => {
		const platform = tags(server.sandbox.store).find((tag) => tag.label === 'platform')!;
		const teams = await call(server.sandbox.url, 'GET', `/tags/${platform.id}/teams`);
		expect(teams.body.teams).toEqual([
			expect.objectContaining({ type: 'team_reference', summary: 'Platform' }),
		]);
		expect(teams.body).toMatchObject({ more: false, offset: 0 });
		expect((await call(server.sandbox.url, 'GET', `/tags/${platform.id}/services`)).status).toBe(
			400,
		);
		const service = server.sandbox.store.services[0];
		expect(
			(await changeTags(`/services/${service.id}`, { add: [] })).status,
		).toBeGreaterThanOrEqual(400);
	});

	it('answers 404 for an unknown entity or tag, and changes nothing then', async () => {
		const team = server.sandbox.store.teams[0];
		const before = tagAssignments(server.sandbox.store).length;
		expect(
			(await changeTags('/teams/PNOSUCH', { add: [{ type: 'tag', label: 'x' }] })).status,
		).toBe(404);
		const unknownTag = await changeTags(`/teams/${team.id}`, {
			add: [{ type: 'tag', label: 'new-one' }],
			remove: [{ type: 'tag_reference', id: 'PNOSUCH' }],
		});
		expect(unknownTag.status).toBe(404);
		expect(tagAssignments(server.sandbox.store)).toHaveLength(before);
		expect(tags(server.sandbox.store).some((tag) => tag.label === 'new-one')).toBe(false);
	});
});
