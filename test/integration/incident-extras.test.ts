import type { INodeParameters } from 'n8n-workflow';

import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { addChangeEvent } from '../../dev/sandbox/rest-change-events';
import {
	customFields,
	incidentSubscribers,
	pastIncidentsOf,
	relatedChangeEventsOf,
	relatedIncidentsOf,
	titleTemplate,
} from '../../dev/sandbox/rest-incident-extras';
import { isoSeconds } from '../../dev/sandbox/seed';
import type { Incident, Service } from '../../dev/sandbox/store';
import { addIncident as addToStore } from '../sandbox/add-incident';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const MINUTE_MS = 60_000;

const addIncident = (title: string, service: Service, minutesAgo = 0): Incident =>
	addToStore(store(), title, service, minutesAgo);

/** An incident with `count` other open incidents on its service from the last hours. */
function incidentWithRelated(count: number): Incident {
	const service = store().services[0];
	for (let index = 0; index < count; index++)
		addIncident(`High CPU usage on web-0${index}`, service, 30 + index);
	return addIncident('High CPU usage on web-09', service);
}

const forbidden = {
	status: 403,
	body: { error: { message: 'Access Denied', code: 2010, errors: ['Feature not available'] } },
};

describe('Incident → Get Many Related', () => {
	it('returns related incidents with their relationships, cut to the Limit (PagerDuty does not page them)', async () => {
		const incident = incidentWithRelated(4);
		const expected = relatedIncidentsOf(store(), incident);
		expect(expected.length).toBeGreaterThanOrEqual(4);

		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllRelated',
			incidentId: incident.id,
			limit: 3,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'GET',
			path: `/incidents/${incident.id}/related_incidents`,
			status: 200,
		});
		expect(request.query).toEqual([]);
		const related = jsonOf(result);
		expect(related.map((item) => (item.incident as { id: string }).id)).toEqual(
			expected.slice(0, 3).map((other) => other.id),
		);
		expect(related[0]).toEqual({
			incident: {
				id: expected[0].id,
				title: expected[0].title,
				created_at: expected[0].created_at,
				self: expected[0].self,
			},
			relationships: [expect.objectContaining({ type: 'machine_learning_inferred' })],
		});
		expect(pairedItemsOf(result)).toEqual([0, 0, 0]);
	});

	it('asks for full incidents with Include Full Incidents, and returns all with Return All', async () => {
		const incident = incidentWithRelated(3);
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllRelated',
			incidentId: incident.id,
			returnAll: true,
			options: { includeFullIncident: true },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ 'additional_details[]': 'incident' });
		const expected = relatedIncidentsOf(store(), incident);
		expect(result.items).toHaveLength(expected.length);
		expect(jsonOf(result)[0].incident).toMatchObject({
			id: expected[0].id,
			status: 'triggered',
			service: { id: incident.service.id },
		});
	});

	it("explains PagerDuty's 403 (no AIOps) and pairs errors with their items", async () => {
		const incident = incidentWithRelated(1);
		pagerDuty.sandbox.queueResponses(1, {
			...forbidden,
			operation: 'GET /incidents/{id}/related_incidents',
		});
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'getAllRelated', incidentId: '={{ $json.id }}' },
			{
				items: [{ id: incident.id }, { id: 'not an id' }, { id: incident.id }],
				continueOnFail: true,
			},
		);
		const output = jsonOf(result);
		expect(output[0]).toMatchObject({
			error: 'PagerDuty 403: this needs PagerDuty AIOps or the Digital Operations plan',
			description: expect.stringContaining('PagerDuty said: PagerDuty 403: Access Denied'),
		});
		expect(output[1].error).toBe(
			'"Incident" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 1]',
		);
		expect(output.slice(2).every((item) => item.incident !== undefined)).toBe(true);
		expect(pairedItemsOf(result)).toEqual([0, 1, ...output.slice(2).map(() => 2)]);
		// The malformed ID was never sent.
		expect(pagerDuty.restRequests()).toHaveLength(2);
	});
});

describe('Incident → Get Many Past', () => {
	function incidentWithPast(count: number): Incident {
		const service = store().services[1];
		for (let index = 0; index < count; index++)
			addIncident(`Checkout API: 5xx error rate above threshold (${index})`, service, 600 + index);
		return addIncident('Checkout API: 5xx error rate above threshold', service);
	}

	it('sends the Limit as `limit` (PagerDuty has no offset here) and returns the scored incidents', async () => {
		const incident = incidentWithPast(4);
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllPast',
			incidentId: incident.id,
			limit: 3,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request.path).toBe(`/incidents/${incident.id}/past_incidents`);
		expect(queryOf(request)).toEqual({ limit: '3' });
		expect(jsonOf(result)).toEqual(
			pastIncidentsOf(store(), incident)
				.slice(0, 3)
				.map((match) => ({
					incident: {
						id: match.incident.id,
						title: match.incident.title,
						created_at: match.incident.created_at,
						self: match.incident.self,
					},
					score: match.score,
				})),
		);
	});

	it('asks for the most PagerDuty gives (999) with Return All', async () => {
		const incident = incidentWithPast(6);
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllPast',
			incidentId: incident.id,
			returnAll: true,
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '999' });
		expect(result.items).toHaveLength(pastIncidentsOf(store(), incident).length);
		expect(result.items.length).toBeGreaterThanOrEqual(6);
	});

	it('maps an unknown incident to 404', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllPast',
			incidentId: 'QNOSUCHINCIDENT',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Incident → Get Outlier', () => {
	it("returns the incident's occurrence on its service and the title pattern, with Since and the full incident", async () => {
		const service = store().services[2];
		const since = isoSeconds(store().nowMs() - 7 * 24 * 60 * MINUTE_MS);
		addIncident('Memory pressure on worker-01', service, 60);
		const incident = addIncident('Memory pressure on worker-07', service);
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getOutlier',
			incidentId: incident.id,
			options: { since, includeFullIncident: true },
		});
		expect(result.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			since,
			'additional_details[]': 'incident',
		});
		const sameTemplate = store().incidents.filter(
			(other) =>
				other.service.id === service.id &&
				other.created_at >= since &&
				titleTemplate(other.title) === titleTemplate(incident.title),
		);
		const [outlier] = jsonOf(result);
		expect(outlier).toMatchObject({
			incident: {
				id: incident.id,
				status: 'triggered',
				occurrence: { count: sameTemplate.length, since: expect.any(String) },
			},
			incident_template: { mined_text: 'Memory pressure on <*>' },
		});
	});

	it('refuses a Since that is not a date before sending', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getOutlier',
			incidentId: store().incidents[0].id,
			options: { since: 'last tuesday' },
		});
		expect(result.error?.message).toBe(
			'"Since" must be a date and time such as 2026-11-01T00:00:00Z [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Incident → Get Custom Field Values', () => {
	it('returns one item mapping field names to values, or one item per field with Simplify off', async () => {
		const incident = store().incidents[0];
		const simple = await pagerDuty.run({
			resource: 'incident',
			operation: 'getCustomFieldValues',
			incidentId: incident.id,
		});
		expect(jsonOf(simple)).toEqual([
			Object.fromEntries(customFields(store()).map((field) => [field.name, null])),
		]);

		const full = await pagerDuty.run({
			resource: 'incident',
			operation: 'getCustomFieldValues',
			incidentId: incident.id,
			simplify: false,
		});
		expect(jsonOf(full)).toHaveLength(customFields(store()).length);
		expect(jsonOf(full)[0]).toMatchObject({
			type: 'field_value',
			name: 'environment',
			data_type: 'string',
			field_type: 'single_value_fixed',
			value: null,
		});
	});
});

describe('Incident → Set Custom Field Values', () => {
	const setFields = (incidentId: string, field: INodeParameters[], extra: INodeParameters = {}) =>
		pagerDuty.run({
			resource: 'incident',
			operation: 'setCustomFieldValues',
			incidentId,
			customFields: { field },
			...extra,
		});

	it("reads the incident's fields, converts each value to its field's type and sends the field IDs", async () => {
		const incident = store().incidents[0];
		const result = await setFields(incident.id, [
			{ name: 'environment', value: 'production', clear: false },
			{ name: 'customer_count', value: '42', clear: false },
			{ name: 'is_major', value: 'TRUE', clear: false },
			{ name: 'regions', value: 'eu-west, us-east', clear: false },
		]);
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(read).toMatchObject({
			method: 'GET',
			path: `/incidents/${incident.id}/custom_fields/values`,
		});
		const idOf = (name: string) => customFields(store()).find((field) => field.name === name)!.id;
		expect(write).toMatchObject({ method: 'PUT', status: 201 });
		expect(write.body).toEqual({
			custom_fields: [
				{ id: idOf('environment'), value: 'production' },
				{ id: idOf('customer_count'), value: 42 },
				{ id: idOf('is_major'), value: true },
				{ id: idOf('regions'), value: ['eu-west', 'us-east'] },
			],
		});
		expect(jsonOf(result)).toEqual([
			{
				environment: 'production',
				customer_count: 42,
				is_major: true,
				regions: ['eu-west', 'us-east'],
			},
		]);
	});

	it('clears a value with Clear, takes a JSON array for a multi-value field, and keeps the others', async () => {
		const incident = store().incidents[1];
		await setFields(incident.id, [
			{ name: 'regions', value: '["eu-west"]', clear: false },
			{ name: 'is_major', value: 'false', clear: false },
		]);
		const result = await setFields(incident.id, [{ name: 'is_major', clear: true }], {
			simplify: false,
		});
		expect(pagerDuty.restRequests().at(-1)!.body).toEqual({
			custom_fields: [{ id: customFields(store())[2].id, value: null }],
		});
		const values = Object.fromEntries(jsonOf(result).map((field) => [field.name, field.value]));
		expect(values).toEqual({
			environment: null,
			customer_count: null,
			is_major: null,
			regions: ['eu-west'],
		});
	});

	it('refuses unknown fields and values of the wrong type before writing, naming the field and the item', async () => {
		const incident = store().incidents[0];
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'setCustomFieldValues',
				incidentId: incident.id,
				customFields: { field: [{ name: '={{ $json.name }}', value: '={{ $json.value }}' }] },
			},
			{
				items: [
					{ name: 'severity', value: 'high' },
					{ name: 'customer_count', value: '4.5' },
					{ name: 'is_major', value: 'yes' },
					{
						name: 'regions',
						value: Array.from({ length: 11 }, (_, index) => `r${index}`).join(','),
					},
					{ name: 'regions', value: 'eu, eu' },
					{ name: 'environment', value: '' },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((item) => item.error)).toEqual([
			'"Custom Fields" names a field the incident does not have: "severity" (its fields: environment, customer_count, is_major, regions) [item 0]',
			'"Custom Fields → customer_count" must be a whole number [item 1]',
			'"Custom Fields → is_major" must be true or false [item 2]',
			'"Custom Fields → regions" takes at most 10 values [item 3]',
			'"Custom Fields → regions" must not repeat a value [item 4]',
			'"Custom Fields → environment" has no value: give one, or turn on Clear to remove it [item 5]',
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(pagerDuty.restRequests().every((request) => request.method === 'GET')).toBe(true);
	});

	it("explains PagerDuty's 400 for a value outside a fixed field's options", async () => {
		const result = await setFields(store().incidents[0].id, [
			{ name: 'environment', value: 'qa', clear: false },
		]);
		expect(result.error?.message).toBe('PagerDuty 400: PagerDuty refused a custom field value');
		expect(result.error?.description).toContain('qa is not an option of environment');
	});

	it("offers the chosen incident's fields in the Field dropdown, by display name", async () => {
		const incident = store().incidents[0];
		const options = await pagerDuty.loadOptions('getIncidentCustomFields', {
			resource: 'incident',
			operation: 'setCustomFieldValues',
			incidentId: { __rl: true, mode: 'id', value: incident.id },
		});
		expect(options.map(({ name, value }) => ({ name, value }))).toEqual(
			customFields(store()).map((field) => ({ name: field.display_name, value: field.name })),
		);
		expect(options[1].description).toMatch(/^integer, single_value/);
	});
});

describe('Incident → Add Subscribers, Get Many Subscribers, Remove Subscribers', () => {
	const subscribe = (operation: string, userIds: string, teamIds = '') =>
		pagerDuty.run({
			resource: 'incident',
			operation,
			incidentId: store().incidents[0].id,
			userIds,
			teamIds,
		});

	it("subscribes users and teams, reports PagerDuty's result per subscriber, lists and removes them", async () => {
		const [first, second] = store().users;
		const team = store().teams[0];
		const incidentId = store().incidents[0].id;

		const added = await subscribe(
			'addSubscribers',
			`${first.id}, ${second.id},${first.id}`,
			team.id,
		);
		expect(added.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/incidents/${incidentId}/status_updates/subscribers`,
			body: {
				subscribers: [
					{ subscriber_id: first.id, subscriber_type: 'user' },
					{ subscriber_id: second.id, subscriber_type: 'user' },
					{ subscriber_id: team.id, subscriber_type: 'team' },
				],
			},
		});
		expect(jsonOf(added).map((item) => [item.subscriber_id, item.result])).toEqual([
			[first.id, 'success'],
			[second.id, 'success'],
			[team.id, 'success'],
		]);

		const again = await subscribe('addSubscribers', `${first.id},PNOSUCH`);
		expect(jsonOf(again).map((item) => item.result)).toEqual(['duplicate', 'unauthorized']);

		const listed = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllSubscribers',
			incidentId,
			limit: 2,
		});
		expect(jsonOf(listed)).toEqual(
			incidentSubscribers(store())
				.slice(0, 2)
				.map(({ subscriber_id, subscriber_type }) => ({
					subscriber_id,
					subscriber_type,
					has_indirect_subscription: false,
					subscribed_via: null,
				})),
		);

		const removed = await subscribe('removeSubscribers', `${first.id},${store().users[5].id}`);
		expect(pagerDuty.restRequests().at(-1)!.path).toBe(
			`/incidents/${incidentId}/status_updates/unsubscribe`,
		);
		expect(jsonOf(removed)).toEqual([
			{ deleted_count: 1, unauthorized_count: 0, non_existent_count: 1 },
		]);
		const all = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAllSubscribers',
			incidentId,
			returnAll: true,
		});
		expect(jsonOf(all).map((item) => item.subscriber_id)).toEqual([second.id, team.id]);
	});

	it('refuses an empty subscriber list and malformed IDs before sending', async () => {
		const empty = await subscribe('addSubscribers', ' ', '');
		expect(empty.error?.message).toBe(
			'"User IDs" and "Team IDs" are both empty: give at least one user or team [item 0]',
		);
		const malformed = await subscribe('removeSubscribers', store().users[0].id, 'team one');
		expect(malformed.error?.message).toBe(
			'"Team IDs" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Change Event → Get Many for an Incident', () => {
	function incidentWithChanges(count: number): Incident {
		const service = store().services[3];
		const incident = addIncident('Search Indexer: health check failing', service);
		for (let index = 0; index < count; index++)
			addChangeEvent(store(), service, {
				summary: `Deploy #${index}`,
				timestamp: isoSeconds(store().nowMs() - (10 + index) * MINUTE_MS),
			});
		return incident;
	}

	it('sends the Limit as `limit` and returns the related change events with their correlation reason', async () => {
		const incident = incidentWithChanges(4);
		const result = await pagerDuty.run({
			resource: 'changeEvent',
			operation: 'getAllForIncident',
			incidentId: incident.id,
			limit: 2,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request.path).toBe(`/incidents/${incident.id}/related_change_events`);
		expect(queryOf(request)).toEqual({ limit: '2' });
		const expected = relatedChangeEventsOf(store(), incident);
		expect(jsonOf(result)).toEqual(expected.slice(0, 2));
		expect(
			jsonOf(result).map((event) => (event.correlation_reason as { reason: string }).reason),
		).toEqual(['most_recent', 'related_service']);
	});

	it('sends no limit with Return All and returns every related change event', async () => {
		const incident = incidentWithChanges(3);
		const result = await pagerDuty.run({
			resource: 'changeEvent',
			operation: 'getAllForIncident',
			incidentId: incident.id,
			returnAll: true,
		});
		expect(pagerDuty.restRequests()[0].query).toEqual([]);
		expect(jsonOf(result)).toEqual(relatedChangeEventsOf(store(), incident));
		expect(result.items.length).toBeGreaterThanOrEqual(3);
	});
});
