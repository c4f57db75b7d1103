import { ADMIN_EMAIL, jsonOf, pairedItemsOf, useSandbox } from './pagerduty';
import { sandboxAlerts } from '../../dev/sandbox/rest-alerts';
import type { Incident } from '../../dev/sandbox/store';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const withStatus = (status: Incident['status']) =>
	store().incidents.filter((incident) => incident.status === status);
const users = () => store().users.filter((user) => user.role !== 'observer');

describe('Incident → Create and Update with assignees and incident type', () => {
	it('assigns the new incident to the given users and sets its type', async () => {
		const [first, second] = users();
		const service = store().services[0];
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'create',
			title: 'Checkout errors',
			serviceId: { __rl: true, mode: 'id', value: service.id },
			email: ADMIN_EMAIL,
			additionalFields: {
				assigneeUserIds: [first.id, second.id],
				incidentType: 'security_incident',
			},
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].body).toMatchObject({
			incident: {
				assignments: [
					{ assignee: { id: first.id, type: 'user_reference' } },
					{ assignee: { id: second.id, type: 'user_reference' } },
				],
				incident_type: { name: 'security_incident' },
			},
		});
		const [incident] = jsonOf(result);
		expect(incident).toMatchObject({
			assigned_via: 'direct_assignment',
			incident_type: { name: 'security_incident' },
		});
		expect(
			(incident.assignments as Array<{ assignee: { id: string } }>).map((a) => a.assignee.id),
		).toEqual([first.id, second.id]);
	});

	it('refuses assignees together with an escalation policy, before sending', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'create',
			title: 'Checkout errors',
			serviceId: store().services[0].id,
			email: ADMIN_EMAIL,
			additionalFields: {
				assigneeUserIds: users()[0].id,
				escalationPolicyId: store().escalationPolicies[0].id,
			},
		});
		expect(result.error?.message).toBe(
			'"Assignee Names or IDs" cannot be combined with Escalation Policy: PagerDuty assigns an incident either to users or to an escalation policy [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it('reassigns an incident on update, and refuses assignees with an escalation level', async () => {
		const incident = withStatus('triggered')[0];
		const assignee = users()[2];
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'update',
			incidentId: incident.id,
			email: ADMIN_EMAIL,
			updateFields: { assigneeUserIds: assignee.id },
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].body).toEqual({
			incident: {
				type: 'incident_reference',
				assignments: [{ assignee: { id: assignee.id, type: 'user_reference' } }],
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({ assignments: [{ assignee: { id: assignee.id } }] });

		const refused = await pagerDuty.run({
			resource: 'incident',
			operation: 'update',
			incidentId: incident.id,
			email: ADMIN_EMAIL,
			updateFields: { assigneeUserIds: assignee.id, escalationLevel: 2 },
		});
		expect(refused.error?.message).toMatch(
			/^"Assignee Names or IDs" cannot be combined with Escalation Level/,
		);
	});
});

describe('Incident → Update Many', () => {
	it('acknowledges a list of incidents in one bulk request and returns them in the order given', async () => {
		const open = withStatus('triggered').slice(0, 3);
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'manageMany',
			incidentIds: open.map((incident) => incident.id).join(', '),
			email: ADMIN_EMAIL,
			updateFields: { status: 'acknowledged' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'PUT', path: '/incidents', status: 200 });
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({
			incidents: open.map((incident) => ({
				id: incident.id,
				type: 'incident_reference',
				status: 'acknowledged',
			})),
		});
		expect(jsonOf(result).map((incident) => [incident.id, incident.status])).toEqual(
			open.map((incident) => [incident.id, 'acknowledged']),
		);
		expect(pairedItemsOf(result)).toEqual([0, 0, 0]);
	});

	it("surfaces PagerDuty's 404 when one of the incidents does not exist", async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'manageMany',
			incidentIds: [withStatus('triggered')[0].id, 'QDOESNOTEXIST1'],
			email: ADMIN_EMAIL,
			updateFields: { status: 'acknowledged' },
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});

	it('refuses an empty change and an empty ID list before sending', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'manageMany',
				incidentIds: '={{ $json.ids }}',
				email: ADMIN_EMAIL,
				updateFields: '={{ $json.fields }}',
			},
			{
				items: [
					{ ids: 'Q1,Q2', fields: {} },
					{ ids: ' , ', fields: { status: 'resolved' } },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			'"Update Fields" must contain at least one change [item 0]',
			'"Incident IDs" must list at least one incident ID [item 1]',
		]);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	describe('with more incidents than one bulk request takes', () => {
		const many = useSandbox({ seed: { incidents: 320 } });

		it('sends requests of at most 250 incidents', async () => {
			const ids = many.sandbox.store.incidents.slice(0, 300).map((incident) => incident.id);
			const priority = many.sandbox.store.priorities[0];
			const result = await many.run({
				resource: 'incident',
				operation: 'manageMany',
				incidentIds: ids,
				email: ADMIN_EMAIL,
				updateFields: { priorityId: priority.id },
			});
			expect(result.error).toBeUndefined();
			const sizes = many
				.restRequests()
				.map((request) => (request.body as { incidents: unknown[] }).incidents.length);
			expect(sizes).toEqual([250, 50]);
			expect(jsonOf(result).map((incident) => incident.id)).toEqual(ids);
			expect(
				jsonOf(result).every(
					(incident) => (incident.priority as { id: string }).id === priority.id,
				),
			).toBe(true);
		});
	});
});

describe('Incident → Merge', () => {
	it('merges open incidents into the target: their alerts move over and they are resolved', async () => {
		const [target, sourceA, sourceB] = withStatus('triggered').concat(withStatus('acknowledged'));
		const alertsBefore = sandboxAlerts(store()).filter(
			(alert) => alert.incident.id === target.id,
		).length;
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'merge',
			incidentId: { __rl: true, mode: 'url', value: `${target.html_url}` },
			sourceIncidentIds: `${sourceA.id},${sourceB.id}`,
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/incidents/${target.id}/merge`,
			status: 200,
		});
		expect(request.body).toEqual({
			source_incidents: [
				{ id: sourceA.id, type: 'incident_reference' },
				{ id: sourceB.id, type: 'incident_reference' },
			],
		});
		expect(jsonOf(result)[0]).toMatchObject({ id: target.id, status: target.status });
		expect(store().incident(sourceA.id)).toMatchObject({
			status: 'resolved',
			resolve_reason: { type: 'merge_resolve_reason', incident: { id: target.id } },
		});
		const alertsAfter = sandboxAlerts(store()).filter(
			(alert) => alert.incident.id === target.id,
		).length;
		expect(alertsAfter).toBeGreaterThanOrEqual(alertsBefore + 2);
		expect(jsonOf(result)[0].alert_counts).toMatchObject({ all: alertsAfter });
	});

	it("shows PagerDuty's error when the target is resolved, and refuses merging an incident into itself", async () => {
		const resolved = withStatus('resolved')[0];
		const open = withStatus('triggered')[0];
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'merge',
				incidentId: '={{ $json.target }}',
				sourceIncidentIds: '={{ $json.sources }}',
				email: ADMIN_EMAIL,
			},
			{
				items: [
					{ target: resolved.id, sources: open.id },
					{ target: open.id, sources: [open.id] },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			'PagerDuty 400: Incident Already Resolved (code 1001)',
			`"Source Incident IDs" must not contain the target incident ${open.id} [item 1]`,
		]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Incident → Snooze', () => {
	it('snoozes an acknowledged incident: 201, still acknowledged, unacknowledges later', async () => {
		const incident = withStatus('acknowledged')[0];
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'snooze',
			incidentId: incident.id,
			duration: 7200,
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/incidents/${incident.id}/snooze`,
			status: 201,
			body: { duration: 7200 },
		});
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		const [snoozed] = jsonOf(result);
		expect(snoozed).toMatchObject({
			id: incident.id,
			status: 'acknowledged',
			pending_actions: [{ type: 'unacknowledge' }],
		});
	});

	it("refuses durations outside 1 … 604800 seconds, and shows PagerDuty's 1012 for a triggered incident", async () => {
		const acknowledged = withStatus('acknowledged')[0];
		const triggered = withStatus('triggered')[0];
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'snooze',
				incidentId: '={{ $json.id }}',
				duration: '={{ $json.duration }}',
				email: ADMIN_EMAIL,
			},
			{
				items: [
					{ id: acknowledged.id, duration: 0 },
					{ id: acknowledged.id, duration: 604801 },
					{ id: triggered.id, duration: 60 },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			'"Duration (Seconds)" must be between 1 and 604800 seconds (7 days) [item 0]',
			'"Duration (Seconds)" must be between 1 and 604800 seconds (7 days) [item 1]',
			'PagerDuty 400: Incident is not Acknowledged (code 1012)',
		]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Incident → Create Status Update', () => {
	it('posts the message with a custom HTML email and returns the status update', async () => {
		const incident = withStatus('triggered')[0];
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'createStatusUpdate',
			incidentId: incident.id,
			message: 'Failover done, watching error rates',
			email: ADMIN_EMAIL,
			customEmail: { subject: 'Checkout incident update', htmlMessage: '<p>Failover done</p>' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/incidents/${incident.id}/status_updates`,
			status: 200,
		});
		expect(request.body).toEqual({
			message: 'Failover done, watching error rates',
			subject: 'Checkout incident update',
			html_message: '<p>Failover done</p>',
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				message: 'Failover done, watching error rates',
				subject: 'Checkout incident update',
				sender: expect.objectContaining({ type: 'user_reference', summary: 'Jane Doe' }),
			}),
		]);
	});

	it('refuses a subject without HTML message, and maps an unknown incident to 404', async () => {
		const base = {
			resource: 'incident',
			operation: 'createStatusUpdate',
			message: 'Update',
			email: ADMIN_EMAIL,
		};
		const refused = await pagerDuty.run({
			...base,
			incidentId: withStatus('triggered')[0].id,
			customEmail: { subject: 'Only a subject' },
		});
		expect(refused.error?.message).toBe(
			'"HTML Message" is needed too: PagerDuty takes Subject and HTML Message together [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);

		const missing = await pagerDuty.run({ ...base, incidentId: 'QDOESNOTEXIST1' });
		expect(missing.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Incident → Create Responder Request', () => {
	it('asks users and escalation policies to respond, without any From header', async () => {
		const incident = withStatus('triggered')[0];
		const [requester, helper] = users();
		const policy = store().escalationPolicies[0];
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'createResponderRequest',
			incidentId: incident.id,
			requesterId: { __rl: true, mode: 'list', value: requester.id },
			message: 'Please join the bridge',
			targetUserIds: [helper.id],
			targetEscalationPolicyIds: policy.id,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/incidents/${incident.id}/responder_requests`,
			status: 200,
		});
		expect(request.headers.from).toBeUndefined();
		expect(request.body).toEqual({
			requester_id: requester.id,
			message: 'Please join the bridge',
			responder_request_targets: [
				{ responder_request_target: { id: helper.id, type: 'user_reference' } },
				{ responder_request_target: { id: policy.id, type: 'escalation_policy_reference' } },
			],
		});
		const [responderRequest] = jsonOf(result);
		expect(responderRequest).toMatchObject({
			incident: { id: incident.id },
			requester: { id: requester.id },
			message: 'Please join the bridge',
		});
		expect(responderRequest.responder_request_targets).toHaveLength(2);
	});

	it("needs at least one target, and explains PagerDuty's 402 when the plan lacks coordinated responding", async () => {
		const base = {
			resource: 'incident',
			operation: 'createResponderRequest',
			incidentId: withStatus('triggered')[0].id,
			requesterId: users()[0].id,
			message: 'Help',
		};
		const noTargets = await pagerDuty.run(base);
		expect(noTargets.error?.message).toBe(
			'"Target User Names or IDs" or "Target Escalation Policy Names or IDs" must name at least one responder [item 0]',
		);

		const abilities = store().abilities;
		abilities.splice(abilities.indexOf('coordinated_responding'), 1);
		const result = await pagerDuty.run({ ...base, targetUserIds: users()[1].id });
		expect(result.error?.message).toBe(
			'PagerDuty 402: Account does not have the abilities to perform the action (code 2014)',
		);
		expect(result.error?.description).toMatch(/coordinated_responding/);
		expect(result.error?.description).toMatch(/plan lacks the ability/);
	});
});

describe('Incident → Get Many, Simplify', () => {
	it('keeps returning full incidents when the workflow saved no Simplify (drop-in)', async () => {
		const result = await pagerDuty.run({ resource: 'incident', operation: 'getAll', limit: 2 });
		expect(jsonOf(result)[0]).toHaveProperty('first_trigger_log_entry');
		expect(jsonOf(result)[0]).toHaveProperty('self');
	});

	it('returns the fields people use when Simplify is on', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAll',
			limit: 1,
			simplify: true,
			options: { sortBy: 'incident_number:asc' },
		});
		const [simplified] = jsonOf(result);
		const incident = store().incident(String(simplified.id))!;
		expect(simplified).toEqual({
			id: incident.id,
			incident_number: incident.incident_number,
			title: incident.title,
			status: incident.status,
			urgency: incident.urgency,
			priority: incident.priority?.summary ?? null,
			service: { id: incident.service.id, summary: incident.service.summary },
			escalation_policy: {
				id: incident.escalation_policy.id,
				summary: incident.escalation_policy.summary,
			},
			assignees: incident.assignments.map((assignment) => ({
				id: assignment.assignee.id,
				summary: assignment.assignee.summary,
			})),
			incident_key: incident.incident_key,
			created_at: incident.created_at,
			last_status_change_at: incident.last_status_change_at,
			resolved_at: incident.resolved_at,
			html_url: incident.html_url,
		});
	});
});
