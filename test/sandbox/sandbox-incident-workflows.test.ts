import { useSandboxServer } from './use-sandbox';
import { call, Json } from '../../dev/sandbox/helpers';
import { incidentWorkflows } from '../../dev/sandbox/rest-incident-workflows';

describe('PagerDuty sandbox incident workflows', () => {
	const server = useSandboxServer({ seed: { incidents: 2 } });

	it('lists workflows with steps and the team only when included, filtered by name text', async () => {
		const plain = await call(server.sandbox.url, 'GET', '/incident_workflows');
		expect(plain.body).toMatchObject({ limit: 25, offset: 0, more: false, total: null });
		expect(plain.body.incident_workflows.map((workflow: Json) => workflow.is_enabled)).toEqual([
			true,
			true,
			false,
		]);
		expect(plain.body.incident_workflows[0]).not.toHaveProperty('steps');
		expect(plain.body.incident_workflows[1].team).toEqual({
			id: server.sandbox.store.teams[1].id,
			type: 'team_reference',
		});
		const included = await call(
			server.sandbox.url,
			'GET',
			'/incident_workflows?query=ESCALATION&include[]=steps&include[]=team',
		);
		expect(included.body.incident_workflows).toHaveLength(1);
		expect(included.body.incident_workflows[0].team.name).toBe(server.sandbox.store.teams[1].name);
		expect(included.body.incident_workflows[0].steps).toHaveLength(2);
	});

	it('answers a read with 200 and the steps, whatever the spec declares', async () => {
		const [workflow] = incidentWorkflows(server.sandbox.store);
		const response = await call(server.sandbox.url, 'GET', `/incident_workflows/${workflow.id}`);
		expect(response.status).toBe(200);
		expect(response.body.incident_workflow.steps).toEqual(workflow.steps);
	});

	it('starts an enabled workflow on an existing incident only', async () => {
		const [enabled, , disabled] = incidentWorkflows(server.sandbox.store);
		const incident = server.sandbox.store.incidents[0];
		const start = (workflowId: string, body: unknown) =>
			call(server.sandbox.url, 'POST', `/incident_workflows/${workflowId}/instances`, { body });
		const instance = {
			incident_workflow_instance: { incident: { id: incident.id, type: 'incident_reference' } },
		};
		const started = await start(enabled.id, instance);
		expect(started.status).toBe(201);
		expect(started.body.incident_workflow_instance).toMatchObject({
			id: expect.stringMatching(/^P[A-Z0-9]{6}$/),
			incident: { id: incident.id, type: 'incident_reference' },
		});
		expect((await start(disabled.id, instance)).status).toBe(400);
		expect((await start('PNOSUCH', instance)).status).toBe(404);
		expect(
			(await start(enabled.id, { incident_workflow_instance: { incident: { id: 'QNOSUCH' } } }))
				.status,
		).toBe(404);
		// The contract leaves the incident optional; PagerDuty cannot start a workflow without one.
		expect((await start(enabled.id, { incident_workflow_instance: {} })).status).toBe(400);
	});
});
