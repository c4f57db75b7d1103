import { byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { automationActions, invocations } from '../../dev/sandbox/rest-automation-actions';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const seeded = () => automationActions(store());
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'automationAction', ...parameters } as never, options);

describe('Automation Action → Get Many', () => {
	it('reads every page by cursor', async () => {
		for (let index = 0; index < 80; index++)
			seeded().push({
				...seeded()[index % 36],
				id: `01GENERATED${String(index).padStart(15, '0')}`,
			});
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((action) => action.id)).toEqual(seeded().map(({ id }) => id));
		expect(pagerDuty.restRequests().map(queryOf)).toEqual([
			{ limit: '100' },
			{ limit: '100', cursor: expect.any(String) },
		]);
	});

	it('asks for no more than the Limit', async () => {
		const result = await run({ operation: 'getAll', limit: 7 });
		expect(jsonOf(result).map((action) => action.id)).toEqual(
			seeded()
				.slice(0, 7)
				.map(({ id }) => id),
		);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '7' });
	});

	it("sends PagerDuty's filters: name, type, classification, runner, service and team", async () => {
		const service = store().services[1];
		const team = store().teams[1];
		const result = await run({
			operation: 'getAll',
			returnAll: true,
			options: {
				name: 'DIAGNOSE',
				actionType: 'process_automation',
				classification: 'diagnostic',
				runnerId: 'any',
				serviceId: { __rl: true, mode: 'url', value: service.html_url },
				teamId: byId(team.id),
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			limit: '100',
			name: 'DIAGNOSE',
			action_type: 'process_automation',
			classification: 'diagnostic',
			runner_id: 'any',
			service_id: service.id,
			team_id: team.id,
		});
		const expected = seeded().filter(
			(action) =>
				action.name.toLowerCase().includes('diagnose') &&
				action.action_type === 'process_automation' &&
				action.action_classification === 'diagnostic' &&
				action.runner !== null &&
				action.services.some(({ id }) => id === service.id) &&
				action.teams.some(({ id }) => id === team.id),
		);
		expect(expected).toHaveLength(1);
		expect(jsonOf(result).map((action) => action.id)).toEqual(expected.map(({ id }) => id));
	});

	it('refuses a runner ID that is neither an ID nor "any" before sending', async () => {
		const result = await run({ operation: 'getAll', options: { runnerId: 'all runners' } });
		expect(result.error?.message).toBe(
			'"Runner ID" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Automation Action → Get', () => {
	it('reads the action by ID and maps a 404 to an error item', async () => {
		const [action] = seeded();
		const result = await run(
			{ operation: 'get', automationActionId: '={{ $json.id }}' },
			{ items: [{ id: action.id }, { id: '01NOSUCHACTION0000000000000' }], continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				id: action.id,
				action_type: 'script',
				action_data_reference: action.action_data_reference,
			}),
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(pagerDuty.restRequests()[0].path).toBe(`/automation_actions/actions/${action.id}`);
	});
});

describe('Automation Action → Invoke', () => {
	const openIncident = () => store().incidents.find((incident) => incident.status !== 'resolved')!;
	const resolvedIncident = () =>
		store().incidents.find((incident) => incident.status === 'resolved')!;

	it('invokes the action on the incident and returns the prepared invocation, with the acting user', async () => {
		const action = seeded()[1];
		const incident = openIncident();
		const result = await run(
			{
				operation: 'invoke',
				automationActionId: byId(action.id),
				incidentId: { __rl: true, mode: 'url', value: incident.html_url },
				options: { alertId: 'PALERT1' },
			},
			{ auth: 'userToken' },
		);
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/automation_actions/actions/${action.id}/invocations`,
			status: 201,
			body: { invocation: { metadata: { incident_id: incident.id, alert_id: 'PALERT1' } } },
		});
		expect(jsonOf(result)[0]).toMatchObject({
			type: 'invocation',
			state: 'prepared',
			action_id: action.id,
			action_snapshot: { name: action.name, action_type: 'process_automation' },
			metadata: {
				agent: { id: store().userByEmail('jane.doe@example.com')!.id, type: 'user_reference' },
				incident: { id: incident.id, type: 'incident_reference' },
			},
		});
		expect(invocations(store())).toHaveLength(1);
	});

	it("shows PagerDuty's 400 for an action that runs on unresolved incidents only", async () => {
		const action = seeded().find((candidate) => candidate.only_invocable_on_unresolved_incidents)!;
		const result = await run({
			operation: 'invoke',
			automationActionId: byId(action.id),
			incidentId: byId(resolvedIncident().id),
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/only be invoked on unresolved incidents/);
	});

	it('refuses a malformed alert ID before sending, and sends no alert when none is given', async () => {
		const parameters = {
			operation: 'invoke',
			automationActionId: byId(seeded()[0].id),
			incidentId: byId(openIncident().id),
		};
		const refused = await run({ ...parameters, options: { alertId: 'alert 1' } });
		expect(refused.error?.message).toBe(
			'"Alert ID" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
		const sent = await run(parameters);
		expect(pagerDuty.restRequests()[0].body).toEqual({
			invocation: { metadata: { incident_id: openIncident().id } },
		});
		expect(jsonOf(sent)[0]).toMatchObject({ metadata: { agent: { type: 'account_reference' } } });
	});
});

describe('Automation Action locator', () => {
	it("searches by PagerDuty's name filter and pages by cursor", async () => {
		const found = await pagerDuty.listSearch('searchAutomationActions', { filter: 'flush' });
		expect(found.results).toEqual(
			seeded()
				.filter((action) => action.name.startsWith('Flush'))
				.map((action) => ({ name: action.name, value: action.id })),
		);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '25', name: 'flush' });
		const first = await pagerDuty.listSearch('searchAutomationActions');
		const second = await pagerDuty.listSearch('searchAutomationActions', {
			paginationToken: first.paginationToken,
		});
		expect([...first.results, ...second.results].map((result) => result.value)).toEqual(
			seeded().map(({ id }) => id),
		);
		expect(second.paginationToken).toBeUndefined();
	});
});
