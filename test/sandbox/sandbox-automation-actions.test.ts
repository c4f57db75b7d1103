import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';
import { automationActions } from '../../dev/sandbox/rest-automation-actions';

/** Automation actions: cursor paging, PagerDuty's filters, and when an invocation is refused. */
describe('PagerDuty sandbox automation actions', () => {
	const server = useSandboxServer({ seed: { incidents: 20 } });

	it('seeds 36 actions with ULID-like IDs, served 25 a page with the privileges', async () => {
		const first = await call(server.sandbox.url, 'GET', '/automation_actions/actions');
		expect(first.body.actions).toHaveLength(25);
		expect(first.body).toMatchObject({ limit: 25, privileges: { permissions: ['invoke'] } });
		for (const action of automationActions(server.sandbox.store))
			expect(action.id).toMatch(/^01[A-Z0-9]{24}$/);
		const rest = await call(
			server.sandbox.url,
			'GET',
			`/automation_actions/actions?cursor=${first.body.next_cursor}`,
		);
		expect(rest.body.actions).toHaveLength(11);
		expect(rest.body.next_cursor).toBeNull();
	});

	it('filters by a runner, and by "any" runner', async () => {
		const actions = automationActions(server.sandbox.store);
		const runner = actions[0].runner!;
		const byRunner = await call(
			server.sandbox.url,
			'GET',
			`/automation_actions/actions?limit=100&runner_id=${runner}`,
		);
		expect(byRunner.body.actions.map((action: { id: string }) => action.id)).toEqual(
			actions.filter((action) => action.runner === runner).map(({ id }) => id),
		);
		const any = await call(
			server.sandbox.url,
			'GET',
			'/automation_actions/actions?limit=100&runner_id=any',
		);
		expect(any.body.actions).toHaveLength(
			actions.filter((action) => action.runner !== null).length,
		);
	});

	it('refuses an invocation for an unknown incident (400), an unknown action (404)', async () => {
		const [action] = automationActions(server.sandbox.store);
		const body = { invocation: { metadata: { incident_id: 'QNOSUCH' } } };
		const unknownIncident = await call(
			server.sandbox.url,
			'POST',
			`/automation_actions/actions/${action.id}/invocations`,
			{ body },
		);
		expect(unknownIncident.body.error.errors).toEqual(['Incident QNOSUCH not found']);
		const unknownAction = await call(
			server.sandbox.url,
			'POST',
			'/automation_actions/actions/01NOSUCH/invocations',
			{
				body: { invocation: { metadata: { incident_id: server.sandbox.store.incidents[0].id } } },
			},
		);
		expect(unknownAction.status).toBe(404);
	});

	it('invokes an action limited to unresolved incidents on an open one', async () => {
		const action = automationActions(server.sandbox.store).find(
			(candidate) => candidate.only_invocable_on_unresolved_incidents,
		)!;
		const open = server.sandbox.store.incidents.find((incident) => incident.status !== 'resolved')!;
		const response = await call(
			server.sandbox.url,
			'POST',
			`/automation_actions/actions/${action.id}/invocations`,
			{
				body: { invocation: { metadata: { incident_id: open.id } } },
			},
		);
		expect(response.status).toBe(201);
		expect(response.body.invocation).toMatchObject({
			state: 'prepared',
			timing: [{ state: 'prepared' }],
		});
	});
});
