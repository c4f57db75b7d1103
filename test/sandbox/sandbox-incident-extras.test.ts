import { addIncident as addToStore } from './add-incident';
import { call, Json } from '../../dev/sandbox/helpers';
import {
	customFields,
	titleSimilarity,
	titleTemplate,
} from '../../dev/sandbox/rest-incident-extras';
import { isoSeconds } from '../../dev/sandbox/seed';
import { PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';
import type { Incident, Service } from '../../dev/sandbox/store';

/** The sandbox's rules for what PagerDuty computes around an incident (rest-incident-extras.ts). */
describe('PagerDuty sandbox incident extras', () => {
	let sandbox: PagerDutySandbox;
	const MINUTE_MS = 60_000;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { incidents: 10 } });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const get = (path: string) => call(sandbox.url, 'GET', path);

	const addIncident = (title: string, service: Service, minutesAgo: number): Incident =>
		addToStore(sandbox.store, title, service, minutesAgo);

	it('relates open incidents of the day on the same service or team, at most 20, newest first', async () => {
		const [web, checkout, , search] = sandbox.store.services;
		const incident = addIncident('High CPU usage on web-01', web, 0);
		const sameService = Array.from({ length: 22 }, (_, index) =>
			addIncident(`Disk usage above 90% on web-0${index}`, web, 10 + index),
		);
		addIncident('Old one', web, 25 * 60);
		const resolved = addIncident('Resolved one', web, 5);
		sandbox.store.resolve(resolved, sandbox.store.users[0], sandbox.store.nowIso());
		addIncident('Other team', checkout, 5);
		const response = await get(`/incidents/${incident.id}/related_incidents`);
		expect(response.status).toBe(200);
		const related = response.body.related_incidents as Json[];
		expect(related).toHaveLength(20);
		expect(related.map((item) => item.incident.id)).toEqual(
			sameService.slice(0, 20).map((other) => other.id),
		);
		expect(Object.keys(related[0].incident).sort()).toEqual(['created_at', 'id', 'self', 'title']);

		// Search Indexer belongs to Web Frontend's team: a service dependency.
		const searchIncident = addIncident('Queue backlog growing on search-reindex', search, 1);
		const teamAnswer = await get(`/incidents/${searchIncident.id}/related_incidents`);
		expect(teamAnswer.body.related_incidents[0].relationships).toEqual([
			{
				type: 'service_dependency',
				metadata: {
					dependent_services: { id: search.id, type: 'technical_service_reference' },
					supporting_services: { id: web.id, type: 'technical_service_reference' },
				},
			},
		]);
	});

	it('scores past incidents of the same service by title similarity, honours limit and counts total when asked', async () => {
		const service = sandbox.store.services[4];
		const older = [
			addIncident('Customer Email: health check failing', service, 300),
			addIncident('Customer Email: elevated timeouts from upstream', service, 200),
			addIncident('Customer Email: health check failing again', service, 100),
		];
		const incident = addIncident('Customer Email: health check failing', service, 0);
		const response = await get(`/incidents/${incident.id}/past_incidents?limit=2&total=true`);
		expect(response.status).toBe(200);
		expect(response.body.limit).toBe(2);
		expect(response.body.past_incidents).toEqual([
			expect.objectContaining({ incident: expect.objectContaining({ id: older[0].id }), score: 1 }),
			expect.objectContaining({
				incident: expect.objectContaining({ id: older[2].id }),
				score: titleSimilarity(older[2].title, incident.title),
			}),
		]);
		expect(response.body.total).toBeGreaterThanOrEqual(3);
		expect((await get(`/incidents/${incident.id}/past_incidents`)).body).not.toHaveProperty(
			'total',
		);
		expect((await get(`/incidents/${incident.id}/past_incidents?limit=1000`)).status).toBe(400);
	});

	it("counts an incident's title template on its service since `since` and refuses a future since", async () => {
		const service = sandbox.store.services[1];
		const incident = addIncident('Memory pressure on api-03', service, 0);
		const response = await get(`/incidents/${incident.id}/outlier_incident`);
		expect(response.body.outlier_incident.incident_template.mined_text).toBe(
			titleTemplate(incident.title),
		);
		expect(response.body.outlier_incident.incident.occurrence).toMatchObject({
			count: expect.any(Number),
			category: expect.stringMatching(/^(outlier|rare|frequent)$/),
		});
		const future = isoSeconds(sandbox.store.nowMs() + 60 * MINUTE_MS);
		expect((await get(`/incidents/${incident.id}/outlier_incident?since=${future}`)).status).toBe(
			400,
		);
	});

	it("sets custom field values by ID or name, checks PagerDuty's rules and answers 201 with every field", async () => {
		const incident = sandbox.store.incidents[0];
		const path = `/incidents/${incident.id}/custom_fields/values`;
		const fields = customFields(sandbox.store);
		const put = (custom_fields: unknown[]) =>
			call(sandbox.url, 'PUT', path, { body: { custom_fields } });

		const set = await put([
			{ name: 'environment', value: 'staging' },
			{ id: fields[3].id, value: ['eu', 'us'] },
		]);
		expect(set.status).toBe(201);
		expect(set.body.custom_fields.map((field: Json) => [field.name, field.value])).toEqual([
			['environment', 'staging'],
			['customer_count', null],
			['is_major', null],
			['regions', ['eu', 'us']],
		]);
		expect((await get(path)).body).toEqual(set.body);

		const refusals = [
			[{ name: 'nope', value: 1 }],
			[{ name: 'environment', value: 'qa' }],
			[{ name: 'customer_count', value: 2.5 }],
			[{ name: 'is_major', value: 'true' }],
			[{ name: 'regions', value: 'eu' }],
		];
		for (const body of refusals) expect((await put(body)).status).toBe(400);
		// The contract itself refuses more than ten values.
		expect(
			(await put([{ name: 'regions', value: Array.from({ length: 11 }, (_, i) => `r${i}`) }]))
				.status,
		).toBe(400);
		expect(
			(
				await call(sandbox.url, 'PUT', '/incidents/QNOSUCH/custom_fields/values', {
					body: { custom_fields: [{ name: 'is_major', value: true }] },
				})
			).status,
		).toBe(404);
		// Nothing of the refused requests was kept.
		expect((await get(path)).body).toEqual(set.body);
	});

	it('adds, lists and removes status-update subscribers with per-subscriber results', async () => {
		const incident = sandbox.store.incidents[0];
		const base = `/incidents/${incident.id}/status_updates`;
		const user = sandbox.store.users[0];
		const subscribers = [
			{ subscriber_id: user.id, subscriber_type: 'user' },
			{ subscriber_id: 'PNOSUCH', subscriber_type: 'team' },
		];
		const added = await call(sandbox.url, 'POST', `${base}/subscribers`, { body: { subscribers } });
		expect(added.status).toBe(200);
		expect(added.body.subscriptions.map((item: Json) => item.result)).toEqual([
			'success',
			'unauthorized',
		]);
		const again = await call(sandbox.url, 'POST', `${base}/subscribers`, { body: { subscribers } });
		expect(again.body.subscriptions[0]).toMatchObject({
			result: 'duplicate',
			subscribable_id: incident.id,
			subscribable_type: 'incident',
		});
		const listed = await get(`${base}/subscribers`);
		expect(listed.body).toMatchObject({
			subscribers: [{ subscriber_id: user.id, subscriber_type: 'user', subscribed_via: null }],
			more: false,
			total: 1,
		});
		const removed = await call(sandbox.url, 'POST', `${base}/unsubscribe`, {
			body: {
				subscribers: [
					...subscribers,
					{ subscriber_id: sandbox.store.users[1].id, subscriber_type: 'user' },
				],
			},
		});
		expect(removed.body).toEqual({
			deleted_count: 1,
			unauthorized_count: 1,
			non_existent_count: 1,
		});
		expect(
			(
				await call(sandbox.url, 'POST', '/incidents/QNOSUCH/status_updates/subscribers', {
					body: { subscribers },
				})
			).status,
		).toBe(404);
	});
});
