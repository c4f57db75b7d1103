import {
	ADMIN_EMAIL,
	DEFAULT_ACCOUNT_TOKEN,
	jsonOf,
	pairedItemsOf,
	queryOf,
	useSandbox,
} from './pagerduty';

const pagerDuty = useSandbox();

const firstService = () => pagerDuty.sandbox.store.services[0];
const openIncident = () =>
	pagerDuty.sandbox.store.incidents.find((incident) => incident.status === 'triggered')!;

describe('Incident → Create', () => {
	it("opens the incident with PagerDuty's body and From header, and returns it", async () => {
		const service = firstService();
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'create',
			title: 'Database latency above 2 s',
			serviceId: service.id,
			email: ADMIN_EMAIL,
			additionalFields: { urgency: 'low', details: 'p99 at 2.4 s', incidentKey: 'db-latency-1' },
			conferenceBridgeUi: {
				conferenceBridgeValues: { conferenceUrl: 'https://meet.example.com/ops' },
			},
		});

		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/incidents', status: 201 });
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.headers.authorization).toBe(`Token token=${DEFAULT_ACCOUNT_TOKEN}`);
		expect(request.headers.accept).toBe('application/vnd.pagerduty+json;version=2');
		expect(request.body).toEqual({
			incident: {
				type: 'incident',
				title: 'Database latency above 2 s',
				service: { id: service.id, type: 'service_reference' },
				urgency: 'low',
				body: { type: 'incident_body', details: 'p99 at 2.4 s' },
				incident_key: 'db-latency-1',
				conference_bridge: { conference_url: 'https://meet.example.com/ops' },
			},
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				type: 'incident',
				title: 'Database latency above 2 s',
				urgency: 'low',
				status: 'triggered',
			}),
		]);
		expect(pairedItemsOf(result)).toEqual([0]);
	});

	it("uses the credential's Default From Email when the node's Email is empty", async () => {
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'create',
				title: 'Disk full',
				serviceId: firstService().id,
			},
			{ credential: { defaultFromEmail: ADMIN_EMAIL } },
		);
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].headers.from).toBe(ADMIN_EMAIL);
	});

	it("with neither, shows PagerDuty's From error and says where to set the email", async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'create',
			title: 'Disk full',
			serviceId: firstService().id,
		});
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/From header/);
		expect(result.error?.description).toMatch(/Default From Email/);
		// The error card shows the description as one paragraph: PagerDuty's words end before the hint.
		expect(result.error?.description).toMatch(/in the From header\. This write needs/);
	});

	it('with an Email PagerDuty does not know, names that email instead of asking for one', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'create',
			title: 'Disk full',
			serviceId: firstService().id,
			email: 'nobody@example.com',
		});
		expect(pagerDuty.restRequests()[0].headers.from).toBe('nobody@example.com');
		expect(result.error?.description).toMatch(
			/PagerDuty knows no user with the email nobody@example\.com in this account/,
		);
		expect(result.error?.description).not.toMatch(/fill in "Email"/);
	});

	it('needs no From with a user API token', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'create',
				title: 'Disk full',
				serviceId: firstService().id,
			},
			{ auth: 'userToken' },
		);
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].headers.from).toBeUndefined();
	});

	it('refuses bad input before sending, naming the parameter and the item', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'create',
				title: '={{ $json.title }}',
				serviceId: firstService().id,
				email: '={{ $json.email }}',
			},
			{
				items: [
					{ title: 'ok', email: ADMIN_EMAIL },
					{ title: 'ok', email: 'not-an-email' },
					{ title: '  ', email: ADMIN_EMAIL },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error ?? 'ok')).toEqual([
			'ok',
			'"Email" must be an email address such as name@example.com [item 1]',
			'"Title" must not be empty [item 2]',
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Incident → Get', () => {
	it("reads each item's incident, paired with its item", async () => {
		const [first, second] = pagerDuty.sandbox.store.incidents;
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}' },
			{ items: [{ id: first.id }, { id: second.id }] },
		);
		expect(jsonOf(result).map((incident) => incident.id)).toEqual([first.id, second.id]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(
			pagerDuty
				.restRequests()
				.map((request) => request.path)
				.sort(),
		).toEqual([`/incidents/${first.id}`, `/incidents/${second.id}`].sort());
	});

	it("maps PagerDuty's 404 to an error with a hint; with continue on fail the other items go on", async () => {
		const [first] = pagerDuty.sandbox.store.incidents;
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}' },
			{ items: [{ id: 'QDOESNOTEXIST1' }, { id: first.id }, { id: '' }], continueOnFail: true },
		);
		const output = jsonOf(result);
		expect(output[0]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
		expect(output[0].description).toMatch(/Check the ID/);
		expect(output[1]).toMatchObject({ id: first.id });
		expect(output[2]).toMatchObject({ error: '"Incident" must not be empty [item 2]' });
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
	});

	it('without continue on fail, fails the node with the item index', async () => {
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}' },
			{ items: [{ id: pagerDuty.sandbox.store.incidents[0].id }, { id: 'QDOESNOTEXIST1' }] },
		);
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.items).toEqual([]);
	});
});

describe('Incident → Get Many', () => {
	const manyIncidents = useSandbox({ seed: { incidents: 250 } });

	it("returns all incidents over several pages, in PagerDuty's order, without duplicates", async () => {
		const result = await manyIncidents.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
		});
		const ids = jsonOf(result).map((incident) => incident.id);
		const expected = manyIncidents.sandbox.store.incidents.map((incident) => incident.id);
		expect(ids).toEqual(expected);
		const offsets = manyIncidents.restRequests().map((request) => Number(queryOf(request).offset));
		expect(offsets.sort((a, b) => a - b)).toEqual([0, 100, 200]);
		expect(pairedItemsOf(result).every((item) => item === 0)).toBe(true);
	});

	it('honours a limit above the page size by paging (the built-in node sent limit=150)', async () => {
		const result = await manyIncidents.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: false,
			limit: 150,
		});
		expect(result.items).toHaveLength(150);
		expect(
			manyIncidents.restRequests().every((request) => Number(queryOf(request).limit) <= 100),
		).toBe(true);
	});

	it("uses the built-in node's default limit of 100 when the workflow saved none", async () => {
		const result = await manyIncidents.run({ resource: 'incident', operation: 'getAll' });
		expect(result.items).toHaveLength(100);
	});

	it("sends filters as PagerDuty's bracketed lists, read per item", async () => {
		const [serviceA, serviceB] = manyIncidents.sandbox.store.services;
		const result = await manyIncidents.run(
			{
				resource: 'incident',
				operation: 'getAll',
				limit: 5,
				options: {
					statuses: '={{ $json.statuses }}',
					serviceIds: [serviceA.id, serviceB.id],
					include: ['assigness', 'firstTriggerLogEntries'],
					sortBy: 'created_at:desc',
				},
			},
			{ items: [{ statuses: ['triggered'] }, { statuses: ['resolved', 'acknowledged'] }] },
		);
		expect(result.error).toBeUndefined();
		const queries = manyIncidents.restRequests().map(queryOf);
		expect(queries.map((query) => query['statuses[]'])).toEqual([
			'triggered',
			['resolved', 'acknowledged'],
		]);
		expect(queries[0]).toMatchObject({
			'service_ids[]': [serviceA.id, serviceB.id],
			'include[]': ['assignees', 'first_trigger_log_entries'],
			sort_by: 'created_at:desc',
		});
		const statuses = jsonOf(result).map((incident) => incident.status);
		const pairs = pairedItemsOf(result);
		expect(
			statuses.filter((_, index) => pairs[index] === 0).every((status) => status === 'triggered'),
		).toBe(true);
		expect(
			statuses.filter((_, index) => pairs[index] === 1).every((status) => status !== 'triggered'),
		).toBe(true);
	});

	it("filters by picked users and teams and by the built-in node's comma-separated IDs, each ID once", async () => {
		const [userA, userB] = manyIncidents.sandbox.store.users;
		const [teamA, teamB] = manyIncidents.sandbox.store.teams;
		const result = await manyIncidents.run({
			resource: 'incident',
			operation: 'getAll',
			limit: 5,
			options: {
				// As the multi-selects save them, beside the text fields of a workflow saved by the built-in node.
				users: [userA.id],
				userIds: `${userA.id}, ${userB.id}`,
				teams: [teamA.id, teamB.id],
				teamIds: teamB.id,
			},
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(manyIncidents.restRequests()[0])).toMatchObject({
			'user_ids[]': [userA.id, userB.id],
			'team_ids[]': [teamA.id, teamB.id],
		});
	});

	it('refuses a malformed team ID list, naming the parameter', async () => {
		const result = await manyIncidents.run({
			resource: 'incident',
			operation: 'getAll',
			options: { teamIds: 'PTEAM1, ../x' },
		});
		expect(result.error?.message).toBe(
			'"Team IDs" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		);
		expect(manyIncidents.restRequests()).toHaveLength(0);
	});
});

describe('Incident → Update', () => {
	it("acknowledges with PagerDuty's body and From, and returns the incident", async () => {
		const incident = openIncident();
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'update',
			incidentId: incident.id,
			email: ADMIN_EMAIL,
			updateFields: { status: 'acknowledged', title: 'Renamed', escalationLevel: 1 },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/incidents/${incident.id}`,
			status: 200,
		});
		expect(request.body).toEqual({
			incident: {
				type: 'incident_reference',
				status: 'acknowledged',
				title: 'Renamed',
				escalation_level: 1,
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id: incident.id,
			status: 'acknowledged',
			title: 'Renamed',
		});
	});

	it('refuses escalation level 0 instead of dropping it silently', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'update',
			incidentId: openIncident().id,
			email: ADMIN_EMAIL,
			updateFields: { escalationLevel: 0 },
		});
		expect(result.error?.message).toBe(
			'"Escalation Level" must be 1 or higher: levels of an escalation policy start at 1 [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});
