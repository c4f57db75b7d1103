import { listSearch } from './list-search';
import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import {
	incidentWorkflows,
	newIncidentWorkflow,
	workflowInstances,
} from '../../dev/sandbox/rest-incident-workflows';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const workflows = () => incidentWorkflows(store());

/** 120 more enabled workflows, so Return All reads past PagerDuty's page of 100. */
function addWorkflows(count: number): void {
	for (let index = 0; index < count; index++)
		workflows().push(newIncidentWorkflow(store(), store().ids, { name: `Runbook ${index}` }));
}

describe('Incident Workflow → Get Many', () => {
	it('reads every page with Return All, and one page cut to the Limit', async () => {
		addWorkflows(120);
		const all = await pagerDuty.run({
			resource: 'incidentWorkflow',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(jsonOf(all).map((workflow) => workflow.id)).toEqual(workflows().map(({ id }) => id));
		expect(pagerDuty.restRequests().map(queryOf)).toEqual([
			{ limit: '100', offset: '0', total: 'true' },
			{ limit: '100', offset: '100' },
		]);

		const limited = await pagerDuty.run({
			resource: 'incidentWorkflow',
			operation: 'getAll',
			limit: 5,
		});
		expect(limited.items).toHaveLength(5);
		expect(queryOf(pagerDuty.restRequests()[2])).toEqual({
			limit: '5',
			offset: '0',
			total: 'true',
		});
	});

	it('filters by name text and includes steps and the team in full', async () => {
		const result = await pagerDuty.run({
			resource: 'incidentWorkflow',
			operation: 'getAll',
			returnAll: true,
			options: { query: 'payments', include: ['steps', 'team'] },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			query: 'payments',
			'include[]': ['steps', 'team'],
		});
		const [workflow] = jsonOf(result);
		expect(result.items).toHaveLength(1);
		expect(workflow).toMatchObject({
			name: 'Payments escalation',
			team: { id: store().teams[1].id, name: store().teams[1].name },
			steps: [expect.objectContaining({ type: 'step' }), expect.objectContaining({ type: 'step' })],
		});
	});
});

describe('Incident Workflow → Get', () => {
	it('reads one workflow with its steps, by ID or by its web URL', async () => {
		const [workflow] = workflows();
		const result = await pagerDuty.run({
			resource: 'incidentWorkflow',
			operation: 'get',
			incidentWorkflowId: { __rl: true, mode: 'url', value: workflow.html_url },
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].path).toBe(`/incident_workflows/${workflow.id}`);
		expect(jsonOf(result)[0]).toMatchObject({
			id: workflow.id,
			name: workflow.name,
			is_enabled: true,
			steps: workflow.steps,
		});
	});

	it('maps an unknown workflow to 404', async () => {
		const result = await pagerDuty.run({
			resource: 'incidentWorkflow',
			operation: 'get',
			incidentWorkflowId: 'PNOSUCH',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Incident Workflow → Start', () => {
	const openIncident = () => store().incidents.find((incident) => incident.status !== 'resolved')!;

	it('starts the workflow on the incident with the given instance ID and returns the instance', async () => {
		const [workflow] = workflows();
		const incident = openIncident();
		const result = await pagerDuty.run({
			resource: 'incidentWorkflow',
			operation: 'start',
			incidentWorkflowId: workflow.id,
			incidentId: incident.id,
			options: { instanceId: 'rollback-42' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/incident_workflows/${workflow.id}/instances`,
			status: 201,
			body: {
				incident_workflow_instance: {
					id: 'rollback-42',
					incident: { id: incident.id, type: 'incident_reference' },
				},
			},
		});
		expect(jsonOf(result)).toEqual([
			{
				id: 'rollback-42',
				type: 'incident_workflow_instance',
				incident: expect.objectContaining({ id: incident.id, summary: incident.summary }),
			},
		]);
		expect(workflowInstances(store())).toEqual([
			{ id: 'rollback-42', workflowId: workflow.id, incidentId: incident.id },
		]);
	});

	it("sends no instance ID when none is given, and pairs PagerDuty's refusals and bad input with their items", async () => {
		const [enabled, , disabled] = workflows();
		const incident = openIncident();
		const result = await pagerDuty.run(
			{
				resource: 'incidentWorkflow',
				operation: 'start',
				incidentWorkflowId: '={{ $json.workflow }}',
				incidentId: '={{ $json.incident }}',
			},
			{
				items: [
					{ workflow: enabled.id, incident: incident.id },
					{ workflow: disabled.id, incident: incident.id },
					{ workflow: enabled.id, incident: 'QNOSUCHINCIDENT' },
					{ workflow: 'not-an-id', incident: incident.id },
				],
				continueOnFail: true,
			},
		);
		const output = jsonOf(result);
		expect(output[0]).toMatchObject({ type: 'incident_workflow_instance', id: expect.any(String) });
		expect(output.slice(1).map((item) => item.error)).toEqual([
			'PagerDuty 400: Invalid Input Provided (code 2001)',
			'PagerDuty 404: Not Found (code 2100)',
			'"Incident Workflow" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 3]',
		]);
		expect(output[1].description).toContain(`Incident workflow ${disabled.id} is disabled`);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2, 3]);
		const sent = pagerDuty.restRequests();
		expect(sent).toHaveLength(3);
		expect(sent[0].body).toEqual({
			incident_workflow_instance: { incident: { id: incident.id, type: 'incident_reference' } },
		});
	});
});

describe('Incident Workflow locator', () => {
	it("searches workflows with PagerDuty's query filter and links each to its web page", async () => {
		const result = await listSearch(pagerDuty, 'searchIncidentWorkflows', {}, 'kickoff');
		expect(result.results).toEqual([
			{ name: workflows()[0].name, value: workflows()[0].id, url: workflows()[0].html_url },
		]);
		expect(pagerDuty.restRequests()[0].query).toContainEqual(['query', 'kickoff']);
	});
});
