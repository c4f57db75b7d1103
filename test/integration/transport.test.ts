// Issue "fast and cannot lose work": paging, slicing, batching, concurrency, rate limits and retries,
// through n8n's execution engine against the sandbox.
import { ADMIN_EMAIL, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';

const idsOf = (incidents: Array<{ id: string }>) => incidents.map((incident) => incident.id);

describe('return-all paging', () => {
	const pagerDuty = useSandbox({ seed: { incidents: 1000 }, latencyMs: 40 });

	it("asks for the total first, then fetches the other pages in parallel, in PagerDuty's order", async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
		});
		expect(jsonOf(result).map((incident) => incident.id)).toEqual(
			idsOf(pagerDuty.sandbox.store.incidents),
		);
		const queries = pagerDuty.restRequests().map(queryOf);
		expect(queries[0]).toMatchObject({ offset: '0', limit: '100', total: 'true' });
		expect(queries.map((query) => Number(query.offset)).sort((a, b) => a - b)).toEqual([
			0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
		]);
		expect(pagerDuty.sandbox.stats.maxInFlight).toBeGreaterThan(1);
	});

	it('sends one page at a time with concurrency 1', async () => {
		await pagerDuty.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
			requestSettings: { concurrency: 1 },
		});
		expect(pagerDuty.sandbox.stats.maxInFlight).toBe(1);
	});
});

describe('past the 10,000 offset ceiling', () => {
	const pagerDuty = useSandbox({ seed: { incidents: 12_000 } });

	it('slices the time window until each slice fits, and returns every incident once, in order', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const ids = jsonOf(result).map((incident) => incident.id);
		expect(ids).toHaveLength(12_000);
		expect(ids).toEqual(idsOf(pagerDuty.sandbox.store.incidents));
		const queries = pagerDuty.restRequests().map(queryOf);
		expect(queries.every((query) => Number(query.offset) + Number(query.limit) <= 10_000)).toBe(
			true,
		);
		expect(queries.filter((query) => query.since && query.until).length).toBeGreaterThan(100);
	}, 60_000);

	it('fails with advice when the list cannot be sliced (Date Range: All)', async () => {
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
			options: { dateRange: 'all' },
		});
		expect(result.error?.message).toBe(
			'PagerDuty lists at most 10,000 records per query, and this query has more',
		);
		expect(result.error?.description).toMatch(/Since\/Until/);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('incident updates across items', () => {
	const pagerDuty = useSandbox({ seed: { incidents: 1600 } });
	const open = () =>
		pagerDuty.sandbox.store.incidents.filter((incident) => incident.status === 'triggered');

	it('acknowledges 300 items with 2 bulk requests (250 + 50), each item paired with its incident', async () => {
		const incidents = open().slice(0, 300);
		expect(incidents).toHaveLength(300);
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'update',
				incidentId: '={{ $json.id }}',
				email: ADMIN_EMAIL,
				updateFields: { status: 'acknowledged' },
			},
			{ items: incidents.map(({ id }) => ({ id })) },
		);
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(
			requests.map((request) => [
				request.method,
				request.path,
				(request.body as { incidents: unknown[] }).incidents.length,
			]),
		).toEqual([
			['PUT', '/incidents', 250],
			['PUT', '/incidents', 50],
		]);
		expect(jsonOf(result).map((incident) => [incident.id, incident.status])).toEqual(
			incidents.map(({ id }) => [id, 'acknowledged']),
		);
		expect(pairedItemsOf(result)).toEqual(incidents.map((_, index) => index));
	});

	it('maps a failing item back to its own error: the others are still updated', async () => {
		const [a, b, c] = open();
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'update',
				incidentId: '={{ $json.id }}',
				email: ADMIN_EMAIL,
				updateFields: { status: '={{ $json.status }}' },
			},
			{
				items: [
					{ id: a.id, status: 'acknowledged' },
					{ id: 'QDOESNOTEXIST1', status: 'acknowledged' },
					{ id: b.id, status: 'resolved' },
					{ id: '', status: 'resolved' },
					{ id: c.id, status: 'acknowledged' },
				],
				continueOnFail: true,
			},
		);
		const output = jsonOf(result);
		expect(output.map((json) => json.error ?? `${json.id} ${json.status}`)).toEqual([
			`${a.id} acknowledged`,
			'PagerDuty 404: Not Found (code 2100)',
			`${b.id} resolved`,
			'"Incident" must not be empty [item 3]',
			`${c.id} acknowledged`,
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2, 3, 4]);
		expect(pagerDuty.sandbox.store.incident(b.id)?.status).toBe('resolved');
	});

	it('keeps two changes to the same incident in order', async () => {
		const [a] = open();
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'update',
				incidentId: a.id,
				email: ADMIN_EMAIL,
				updateFields: { status: '={{ $json.status }}' },
			},
			{ items: [{ status: 'acknowledged' }, { status: 'resolved' }] },
		);
		expect(jsonOf(result).map((incident) => incident.status)).toEqual(['acknowledged', 'resolved']);
		expect(pagerDuty.sandbox.store.incident(a.id)?.status).toBe('resolved');
	});
});

describe('items in parallel', () => {
	const pagerDuty = useSandbox({ seed: { incidents: 60 }, latencyMs: 30 });

	it('keeps output order = input order with concurrency', async () => {
		const ids = idsOf(pagerDuty.sandbox.store.incidents).slice(0, 40).reverse();
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'get',
				incidentId: '={{ $json.id }}',
				requestSettings: { concurrency: 8 },
			},
			{ items: ids.map((id) => ({ id })) },
		);
		expect(jsonOf(result).map((incident) => incident.id)).toEqual(ids);
		expect(pairedItemsOf(result)).toEqual(ids.map((_, index) => index));
		expect(pagerDuty.sandbox.stats.maxInFlight).toBeGreaterThan(1);
		expect(pagerDuty.sandbox.stats.maxInFlight).toBeLessThanOrEqual(8);
	});
});

describe('rate limits and retries', () => {
	const pagerDuty = useSandbox({ seed: { incidents: 40 } });
	const getIncidents = (ids: string[], extra: object = {}) =>
		pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}', ...extra },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
	const firstId = () => pagerDuty.sandbox.store.incidents[0].id;

	it('after a 429 with ratelimit-reset, waits that long and retries', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 429, headers: { 'ratelimit-reset': '1' } });
		const result = await getIncidents([firstId()]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: firstId() })]);
		const [first, second] = pagerDuty.restRequests();
		expect(first.status).toBe(429);
		expect(second.status).toBe(200);
		expect(second.at - first.at).toBeGreaterThanOrEqual(1000);
	});

	it('after a bare 429 (no headers, no body), backs off and retries', async () => {
		pagerDuty.sandbox.queueResponses(2, { status: 429, body: null });
		const result = await getIncidents([firstId()]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: firstId() })]);
		expect(pagerDuty.restRequests().map((request) => request.status)).toEqual([429, 429, 200]);
	});

	it('retries a GET after 503 and a dropped connection', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 503 });
		pagerDuty.sandbox.dropConnections(1);
		const result = await getIncidents([firstId()]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: firstId() })]);
		expect(
			pagerDuty
				.restRequests()
				.map((request) => request.status)
				.sort(),
		).toEqual([0, 200, 503]);
	});

	it('gives up after 5 attempts and says so', async () => {
		pagerDuty.sandbox.queueResponses(10, { status: 500 });
		const result = await getIncidents([firstId()]);
		expect(jsonOf(result)[0].error).toMatch(/^PagerDuty 500: /);
		expect(jsonOf(result)[0].description).toMatch(/Gave up after 5 attempts/);
		expect(pagerDuty.restRequests()).toHaveLength(5);
	});

	it('stops retrying once the waits would pass Max Retry Wait', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 429, headers: { 'ratelimit-reset': '30' } });
		const result = await getIncidents([firstId()], { requestSettings: { maxRetryWait: 5 } });
		expect(jsonOf(result)[0].error).toMatch(/^PagerDuty 429/);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it('never repeats a POST that may have created an incident (dropped connection, no incident key)', async () => {
		pagerDuty.sandbox.dropConnections(1);
		const service = pagerDuty.sandbox.store.services[0];
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'create',
				title: 'Disk full',
				serviceId: service.id,
				email: ADMIN_EMAIL,
			},
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toMatch(
			/^Could not reach PagerDuty at http:\/\/127\.0\.0\.1:\d+: /,
		);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it('repeats a POST PagerDuty de-duplicates (incident with an incident key)', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 502 });
		const service = pagerDuty.sandbox.store.services[0];
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'create',
			title: 'Disk full',
			serviceId: service.id,
			email: ADMIN_EMAIL,
			additionalFields: { incidentKey: 'disk-full-web-01' },
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ incident_key: 'disk-full-web-01' })]);
		expect(pagerDuty.restRequests().map((request) => request.status)).toEqual([502, 201]);
	});
});

describe('the rate limiter', () => {
	const pagerDuty = useSandbox({
		seed: { incidents: 40 },
		enforceRateLimit: true,
		rateLimitPerMinute: 10,
		rateWindowMs: 2000,
	});

	it('slows down before PagerDuty answers 429: 25 requests through a 10-per-window limit, no 429', async () => {
		const ids = idsOf(pagerDuty.sandbox.store.incidents).slice(0, 25);
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })) },
		);
		expect(jsonOf(result).map((incident) => incident.id)).toEqual(ids);
		expect(pagerDuty.sandbox.stats.rateLimited).toBe(0);
		expect(pagerDuty.restRequests().every((request) => request.status === 200)).toBe(true);
	}, 30_000);
});

describe('a create whose answer was lost', () => {
	const pagerDuty = useSandbox({ seed: { incidents: 10 } });

	it('returns the incident the first attempt made when PagerDuty refuses the retry as a duplicate key', async () => {
		const service = pagerDuty.sandbox.store.services[0];
		// A first run opens the incident; the second run's POST is answered 504 (as when a proxy times out
		// after PagerDuty acted), and its retry is refused as a duplicate key: the node returns the open incident.
		const parameters = {
			resource: 'incident',
			operation: 'create',
			title: 'Disk full',
			serviceId: service.id,
			email: ADMIN_EMAIL,
			additionalFields: { incidentKey: 'disk-full-db-01' },
		};
		await pagerDuty.run(parameters);
		const created = pagerDuty.sandbox.store.incidents.find(
			(incident) => incident.incident_key === 'disk-full-db-01',
		)!;
		pagerDuty.sandbox.clearRequests();
		pagerDuty.sandbox.queueResponses(1, { status: 504, operation: 'POST /incidents' });
		const result = await pagerDuty.run(parameters);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id: created.id })]);
		expect(
			pagerDuty
				.restRequests()
				.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual(['POST /incidents 504', 'POST /incidents 400', 'GET /incidents 200']);
	});
});
