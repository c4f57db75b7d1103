import {
	ADMIN_EMAIL,
	DEFAULT_ACCOUNT_TOKEN,
	jsonOf,
	pairedItemsOf,
	queryOf,
	useSandbox,
} from './pagerduty';

const pagerDuty = useSandbox();

const call = (parameters: object, options: Parameters<typeof pagerDuty.run>[1] = {}) =>
	pagerDuty.run({ resource: 'apiCall', operation: 'request', ...parameters }, options);

describe('Custom API Call → Make a Request', () => {
	it("sends any REST v2 request with the credential, PagerDuty's headers and bracketed list parameters", async () => {
		const result = await call({
			method: 'GET',
			path: '/incidents',
			query: '{"statuses": ["triggered"], "limit": 3}',
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ limit: 3, incidents: expect.any(Array) });
		const [request] = pagerDuty.restRequests();
		expect(request.headers.authorization).toBe(`Token token=${DEFAULT_ACCOUNT_TOKEN}`);
		expect(queryOf(request)).toEqual({ 'statuses[]': 'triggered', limit: '3' });
	});

	it('sends a JSON body and the From email on writes', async () => {
		const incident = pagerDuty.sandbox.store.incidents.find(
			(candidate) => candidate.status === 'triggered',
		)!;
		const result = await call({
			method: 'PUT',
			path: `/incidents/${incident.id}`,
			body: { incident: { type: 'incident_reference', status: 'acknowledged' } },
			email: ADMIN_EMAIL,
		});
		expect(jsonOf(result)[0]).toMatchObject({
			incident: { id: incident.id, status: 'acknowledged' },
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'PUT',
			headers: expect.objectContaining({ from: ADMIN_EMAIL }),
		});
	});

	it("shows the violation when PagerDuty's contract refuses the request (limit above 100)", async () => {
		const result = await call({ method: 'GET', path: '/incidents', query: '{"limit": 500}' });
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/limit/);
	});

	it('refuses non-JSON and non-object input before sending, naming the parameter and the item', async () => {
		const result = await call(
			{ method: 'POST', path: '/incidents', body: '={{ $json.body }}' },
			{ items: [{ body: '{"incident": ' }, { body: '[1, 2]' }], continueOnFail: true },
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			expect.stringMatching(/^"Body \(JSON\)" is not valid JSON \(.+\) \[item 0\]$/),
			'"Body (JSON)" must be a JSON object such as {"key": "value"} [item 1]',
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it.each([
		'incidents',
		'https://evil.example/incidents',
		'/incidents/../../admin',
		'/incidents?x=1',
	])('refuses the path %s', async (path) => {
		const result = await call({ method: 'GET', path }, { continueOnFail: true });
		expect(jsonOf(result)[0].error).toMatch(/^"Path" must /);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('secrets stay out of results', () => {
	it('never puts the API token into an output item or an error', async () => {
		const results = [
			await call({ method: 'GET', path: '/abilities' }),
			await call({ method: 'GET', path: '/incidents/QDOESNOTEXIST1' }),
			await call(
				{ method: 'GET', path: '/abilities' },
				{ credential: { apiToken: 'wrong-token-value' } },
			),
		];
		for (const result of results) {
			const serialised = JSON.stringify({
				items: result.items,
				error: result.error,
				description: result.error?.description,
			});
			expect(serialised).not.toContain(DEFAULT_ACCOUNT_TOKEN);
			expect(serialised).not.toContain('wrong-token-value');
		}
		expect(results[2].error?.message).toBe('PagerDuty 401: Authentication failed (code 2006)');
		expect(results[2].error?.description).toMatch(/Service Region/);
	});
});
