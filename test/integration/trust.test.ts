// Issue 10, "trust under hostile answers": redirects, secrets in upstream errors, unusable answers,
// hostile rate-limit headers and 429 storms, through n8n's execution engine against the sandbox.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { leakedSecrets, useForeignHost } from './hostile';
import type { Auth } from './pagerduty';
import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_USER_TOKEN,
	jsonOf,
	pairedItemsOf,
	useSandbox,
} from './pagerduty';
import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import type { RunNodeResult } from '../../dev/harness/engine';
import { runNode } from '../../dev/harness/engine';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import type { PagerDutySandbox } from '../../dev/sandbox/server';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';

const pagerDuty = useSandbox({ seed: { incidents: 200 } });
const foreign = useForeignHost();

const AUTHS: Auth[] = ['apiToken', 'oAuth2'];

/** Every secret the sandbox knows: tokens, OAuth tokens of every grant, client secret and ID, routing key. */
const allSecrets = (sandbox: PagerDutySandbox) => [
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_USER_TOKEN,
	DEFAULT_ROUTING_KEY,
	DEFAULT_OAUTH_CLIENT.clientId,
	DEFAULT_OAUTH_CLIENT.clientSecret,
	...sandbox.oauthGrants().flatMap((grant) => [grant.accessToken, grant.refreshToken]),
];

const incidentIds = () => pagerDuty.sandbox.store.incidents.map((incident) => incident.id);

const getIncidents = (ids: string[], auth: Auth = 'apiToken', extra: INodeParameters = {}) =>
	pagerDuty.run(
		{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}', ...extra },
		{ items: ids.map((id) => ({ id })), continueOnFail: true, auth },
	);

async function runEvent(
	parameters: INodeParameters,
	credential: ICredentialDataDecryptedObject = {},
): Promise<RunNodeResult> {
	return await pagerDuty.runEvents(parameters, { credential, continueOnFail: true });
}

const errorOf = (result: RunNodeResult, index = 0) => jsonOf(result)[index] as IDataObject;

describe('redirects are never followed (issue 10, point 1)', () => {
	describe.each(AUTHS)('%s', (auth) => {
		it.each([301, 302, 307, 308])(
			'a %s to another host is an error naming the status and host: nothing is sent there',
			async (status) => {
				const [id] = incidentIds();
				pagerDuty.sandbox.queueResponses(1, {
					status,
					headers: { location: `${foreign.url}/steal/path?token=abc` },
					body: null,
				});
				const result = await getIncidents([id], auth);
				expect(foreign.requests).toEqual([]);
				const error = errorOf(result);
				expect(error.error).toBe(
					`PagerDuty answered ${status} to GET /incidents/${id}, a redirect to ${foreign.host}: the node does not follow redirects [item 0]`,
				);
				expect(JSON.stringify(error)).not.toMatch(/steal|token=abc|PSTOLEN/);
				expect(pairedItemsOf(result)).toEqual([0]);
				// Not retried: a redirect is an answer, not a passing failure.
				expect(pagerDuty.restRequests()).toHaveLength(1);
			},
		);
	});

	it.each([307, 308])(
		'Events API: a %s is not re-posted, the routing key goes nowhere else',
		async (status) => {
			pagerDuty.sandbox.queueResponses(1, {
				status,
				operation: 'POST /v2/enqueue',
				headers: { location: `${foreign.url}/v2/enqueue` },
				body: null,
			});
			const result = await runEvent({
				operation: 'trigger',
				summary: 'Disk full',
				source: 'db-01',
				dedupKey: 'disk-full',
			});
			expect(foreign.requests).toEqual([]);
			expect(errorOf(result).error).toBe(
				`The PagerDuty Events API answered ${status} to POST /v2/enqueue, a redirect to ${foreign.host}: the node does not follow redirects [item 0]`,
			);
			expect(leakedSecrets(result, [DEFAULT_ROUTING_KEY])).toEqual([]);
		},
	);

	it('a Custom API Call POST answered 307 sends its body nowhere else', async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 307,
			headers: { location: `${foreign.url}/incidents` },
			body: null,
		});
		const result = await pagerDuty.run(
			{
				resource: 'apiCall',
				operation: 'request',
				method: 'POST',
				path: '/incidents',
				body: '{"incident": {"type": "incident", "title": "x"}}',
			},
			{ continueOnFail: true },
		);
		expect(foreign.requests).toEqual([]);
		expect(errorOf(result).error).toMatch(
			/^PagerDuty answered 307 to POST \/incidents, a redirect/,
		);
	});
});

describe('no secret in any error (issue 10, point 2)', () => {
	it.each(AUTHS)(
		'%s: an upstream echoing the request headers into its error shows no token',
		async (auth) => {
			const [id] = incidentIds();
			pagerDuty.sandbox.queueResponses(1, { status: 400, echo: 'json' });
			const result = await getIncidents([id], auth);
			const error = errorOf(result);
			expect(error.error).toBe(
				'PagerDuty 400: Cannot process GET /incidents/' + id + ' (code 2001)',
			);
			expect(error.description).toMatch(
				auth === 'oAuth2' ? /authorization: Bearer \[access token\]/ : /Token token=\[API token\]/,
			);
			expect(leakedSecrets(result, allSecrets(pagerDuty.sandbox))).toEqual([]);
		},
	);

	it('without continue on fail, the thrown error and the run data hold no token either', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 404, echo: 'json' });
		const result = await pagerDuty.run({
			resource: 'incident',
			operation: 'get',
			incidentId: incidentIds()[0],
		});
		expect(result.error?.message).toMatch(/^PagerDuty 404/);
		expect(leakedSecrets(result, allSecrets(pagerDuty.sandbox))).toEqual([]);
	});

	it("a Base URL's user:password@ does not show in 'Could not reach PagerDuty at …'", async () => {
		const unreachable = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: 'PABC123' },
			{
				continueOnFail: true,
				credential: { baseUrl: 'http://proxy-user:proxy-s3cret@127.0.0.1:1' },
			},
		);
		expect(errorOf(unreachable).error).toMatch(
			/^Could not reach PagerDuty at http:\/\/\[userinfo\]@127\.0\.0\.1:1: /,
		);
		expect(leakedSecrets(unreachable, ['proxy-s3cret', 'proxy-user'])).toEqual([]);
	});

	it('a failed OAuth2 refresh whose answer echoes the form shows neither refresh token nor client secret, and says what failed', async () => {
		const token = pagerDuty.sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId);
		pagerDuty.sandbox.expireAccessToken(token.access_token);
		pagerDuty.sandbox.queueResponses(1, {
			status: 400,
			operation: 'POST /oauth/token',
			echo: 'json',
		});
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: incidentIds()[0] },
			{
				auth: 'oAuth2',
				continueOnFail: true,
				credential: {
					oauthTokenData: {
						...token,
						token_type: 'Bearer',
					} as unknown as ICredentialDataDecryptedObject,
				},
			},
		);
		const refresh = pagerDuty.sandbox.requests.find((request) => request.path === '/oauth/token');
		expect(refresh?.body).toMatchObject({ refresh_token: token.refresh_token });
		const error = errorOf(result);
		expect(error.error).toMatch(
			/^PagerDuty refused to refresh the OAuth2 token: invalid_request: /,
		);
		expect(error.error).toMatch(/refresh_token=\[refresh token\]/);
		expect(error.description).toMatch(/reconnect it/);
		expect(
			leakedSecrets(result, [
				token.refresh_token,
				token.access_token,
				...allSecrets(pagerDuty.sandbox),
			]),
		).toEqual([]);
	});

	it('Events API: an echoing answer shows no routing key', async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 400,
			operation: 'POST /v2/enqueue',
			echo: 'json',
		});
		const result = await runEvent({ operation: 'trigger', summary: 's', source: 's' });
		expect(errorOf(result).error).toMatch(/^PagerDuty Events API 400: Cannot process/);
		expect(leakedSecrets(result, [DEFAULT_ROUTING_KEY])).toEqual([]);
	});
});

describe('an unusable answer is an error (issue 10, point 3)', () => {
	it('a body cut off mid-JSON: asked again once (GET), then an error naming the request and item', async () => {
		const [id] = incidentIds();
		pagerDuty.sandbox.queueResponses(2, { status: 200, body: '{"incident": {"id": "P' });
		const result = await getIncidents([id]);
		expect(errorOf(result).error).toMatch(
			new RegExp(
				`^PagerDuty answered 200 to GET /incidents/${id}, but the body is not usable JSON: .+ \\[item 0\\]$`,
			),
		);
		expect(pagerDuty.restRequests()).toHaveLength(2);
		expect(pairedItemsOf(result)).toEqual([0]);
	});

	it('a passing glitch is asked again and recovers', async () => {
		const [id] = incidentIds();
		pagerDuty.sandbox.queueResponses(1, { status: 200, body: '{"incident": ' });
		const result = await getIncidents([id]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id })]);
	});

	it('an HTML page answered 200 is an error', async () => {
		pagerDuty.sandbox.queueResponses(2, {
			status: 200,
			headers: { 'content-type': 'text/html' },
			body: '<html><body>Sign in to the proxy</body></html>',
		});
		const result = await getIncidents([incidentIds()[0]]);
		expect(errorOf(result).error).toMatch(/body is not usable JSON: .*<html><body>Sign in/);
	});

	it('JSON under a text/html content type is not trusted either', async () => {
		pagerDuty.sandbox.queueResponses(2, {
			status: 200,
			headers: { 'content-type': 'text/html' },
			body: { incident: { id: 'PX' } },
		});
		const result = await getIncidents([incidentIds()[0]]);
		expect(errorOf(result).error).toMatch(/it is text\/html, not JSON/);
	});

	it('a list envelope of the wrong shape is an error, not "no incidents"', async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 200,
			body: { incidents: 'not an array', more: false },
		});
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'getAll', limit: 5 },
			{ continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				error:
					'PagerDuty answered GET /incidents, but the body is not usable JSON: it holds a string as "incidents" list [item 0]',
			}),
		]);
	});

	it.each([
		['a string', 'not an array', 'it holds a string as "notes" list'],
		['a list of other things', [1, 2], 'it holds a list of other things as "notes" list'],
	])(
		'a list PagerDuty answers whole holding %s is an error, not "no notes"',
		async (_what, notes, reason) => {
			const [id] = incidentIds();
			pagerDuty.sandbox.queueResponses(1, { status: 200, body: { notes } });
			const result = await pagerDuty.run(
				{ resource: 'incidentNote', operation: 'getAll', incidentId: id },
				{ continueOnFail: true },
			);
			expect(jsonOf(result)).toEqual([
				expect.objectContaining({
					error: `PagerDuty answered GET /incidents/${id}/notes, but the body is not usable JSON: ${reason} [item 0]`,
				}),
			]);
		},
	);

	it('a list PagerDuty answers whole may leave an empty list out, as its spec allows', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 200, body: {} });
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'getAllContactMethods',
				userId: pagerDuty.sandbox.store.users[0].id,
			},
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([]);
	});

	it('a record that is not an object is an error, not an item holding a string', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 200, body: { incident: 'a string' } });
		const result = await getIncidents([incidentIds()[0]]);
		expect(errorOf(result).error).toBe(
			'PagerDuty answered "Get an incident", but the body is not usable JSON: it holds a string where a record was expected [item 0]',
		);
	});

	it('an empty 200 for a get is an error, not an item without JSON', async () => {
		// Twice: a GET is asked once more after an unusable answer.
		pagerDuty.sandbox.queueResponses(2, { status: 200, body: null });
		const result = await getIncidents([incidentIds()[0]]);
		expect(errorOf(result).error).toMatch(
			/body is not usable JSON: it is (empty|JSON null) \[item 0\]$/,
		);
	});

	it('a connection cut mid-body is retried for a GET', async () => {
		const [id] = incidentIds();
		pagerDuty.sandbox.queueResponses(1, {
			status: 200,
			body: { incident: { id, padding: 'x'.repeat(2000) } },
			cutAfterBytes: 100,
		});
		const result = await getIncidents([id]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id })]);
		expect(pagerDuty.restRequests()).toHaveLength(2);
	});

	it('a write answered with unusable JSON is not sent again, and says the write may have happened', async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 201,
			operation: 'POST /incidents',
			body: '{"incident": {"id": "Q',
		});
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'create',
				title: 'Disk full',
				serviceId: pagerDuty.sandbox.store.services[0].id,
				email: 'jane.doe@example.com',
			},
			{ continueOnFail: true },
		);
		expect(errorOf(result).error).toMatch(
			/^PagerDuty answered 201 to POST \/incidents, but the body/,
		);
		expect(errorOf(result).description).toMatch(/may have been done anyway/);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it('Events API: an answer without a status is an error, not {}', async () => {
		pagerDuty.sandbox.queueResponses(1, { status: 202, operation: 'POST /v2/enqueue', body: {} });
		const result = await runEvent({ operation: 'trigger', summary: 's', source: 's' });
		expect(errorOf(result).error).toBe(
			'The PagerDuty Events API answered 202 to POST /v2/enqueue, but the body is not usable JSON: it has no "status" [item 0]',
		);
	});
});

describe('rate-limit headers cannot stall a run (issue 10, point 4)', () => {
	it('"ratelimit-remaining: 0, ratelimit-reset: 100000" fails the next request at once, naming Max Retry Wait', async () => {
		const [first, second] = incidentIds();
		pagerDuty.sandbox.queueResponses(1, {
			status: 200,
			headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '100000' },
			body: { incident: { id: first } },
		});
		const started = Date.now();
		const result = await getIncidents([first, second], 'apiToken', {
			requestSettings: { concurrency: 1 },
		});
		expect(Date.now() - started).toBeLessThan(5000);
		expect(jsonOf(result)[0]).toEqual({ id: first });
		expect(errorOf(result, 1).error).toBe(
			`PagerDuty's rate limit asks to wait 100000 s before the next request, more than "Max Retry Wait" (120 s) allows [item 1]`,
		);
		expect(errorOf(result, 1).description).toMatch(/^Nothing was sent/);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});

	it('a 429 announcing a reset beyond Max Retry Wait gives up at once', async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 429,
			headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '100000' },
		});
		const started = Date.now();
		const result = await getIncidents([incidentIds()[0]]);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(errorOf(result).error).toBe('PagerDuty 429: Rate Limit Exceeded (code 2020)');
		expect(errorOf(result).description).toMatch(
			/Gave up: PagerDuty asked to wait 100000 s, more than "Max Retry Wait" \(120 s\) allows\.$/,
		);
	});
});

describe('a 429 is back-pressure, not a failure (issue 10, point 10)', () => {
	it('a request answered 429 seven times in a row still gets through', async () => {
		const [id] = incidentIds();
		pagerDuty.sandbox.queueResponses(7, { status: 429, headers: { 'ratelimit-reset': '0' } });
		const result = await getIncidents([id]);
		expect(jsonOf(result)).toEqual([expect.objectContaining({ id })]);
		expect(pagerDuty.restRequests().map((request) => request.status)).toEqual([
			429, 429, 429, 429, 429, 429, 429, 200,
		]);
	});

	it('after a 429 announcing a reset, no request of the run starts before it has passed', async () => {
		const ids = incidentIds().slice(0, 30);
		pagerDuty.sandbox.setLatency(20);
		pagerDuty.sandbox.queueResponses(1, {
			status: 429,
			headers: { 'ratelimit-reset': '1', 'ratelimit-remaining': '0' },
		});
		const result = await getIncidents(ids, 'apiToken', { requestSettings: { concurrency: 5 } });
		expect(jsonOf(result).map((incident) => incident.id)).toEqual(ids);
		const requests = pagerDuty.restRequests();
		const limited = requests.find((request) => request.status === 429)!;
		// Requests already under way when the 429 came (at most 4 others) may still arrive a little
		// later; none may start after it until the reset (1 s) has passed.
		const answeredAt = limited.at + 20;
		const during = (from: number) =>
			requests.filter(
				(request) => request.at > answeredAt + from && request.at < answeredAt + 1000,
			);
		expect(during(0).length).toBeLessThanOrEqual(4);
		expect(during(400)).toEqual([]);
		expect(requests.filter((request) => request.at >= answeredAt + 1000).length).toBeGreaterThan(
			20,
		);
	});

	it('the pause holds every execution of the same credential, and only those', async () => {
		const ids = incidentIds();
		const runWith = async (credentialId: string, id: string) =>
			await runNode({
				nodeType: new PagerDuty(),
				parameters: { resource: 'incident', operation: 'get', incidentId: id },
				credentials: {
					pagerDutyRestApi: {
						apiToken: DEFAULT_ACCOUNT_TOKEN,
						region: 'custom',
						baseUrl: pagerDuty.sandbox.url,
					},
				},
				credentialIds: { pagerDutyRestApi: credentialId },
				credentialTypes: [new PagerDutyApi()],
			});
		pagerDuty.sandbox.queueResponses(1, {
			status: 429,
			headers: { 'ratelimit-reset': '3', 'ratelimit-remaining': '0' },
		});
		const limitedRun = runWith('shared-credential', ids[1]);
		const limited = () => pagerDuty.sandbox.requests.find((request) => request.status === 429);
		while (!limited()) await new Promise((resolve) => setTimeout(resolve, 10));
		// Give the first execution time to read the 429 before the others start.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const pausedAt = limited()!.at;
		// Two more executions: one of the same credential, one of another credential (same token).
		const [sameCredential, otherCredential, first] = await Promise.all([
			runWith('shared-credential', ids[2]),
			runWith('another-credential', ids[3]),
			limitedRun,
		]);
		expect([sameCredential, otherCredential, first].map((run) => run.error)).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		const arrival = (id: string) =>
			pagerDuty.sandbox.requests.find(
				(request) => request.path === `/incidents/${id}` && request.status === 200,
			)!.at;
		expect(arrival(ids[2]) - pausedAt).toBeGreaterThanOrEqual(2900);
		expect(arrival(ids[3]) - pausedAt).toBeLessThan(2000);
	});

	it('a storm of 429s (30 % of 100 gets, 1 s resets) ends with every item out, none lost', async () => {
		const ids = incidentIds().slice(0, 100);
		pagerDuty.sandbox.setRandomFaults(
			[
				{
					probability: 0.3,
					status: 429,
					headers: { 'ratelimit-reset': '1', 'ratelimit-remaining': '0' },
				},
			],
			7,
		);
		const result = await getIncidents(ids, 'apiToken', { requestSettings: { concurrency: 20 } });
		expect(jsonOf(result).map((incident) => incident.id)).toEqual(ids);
		expect(pairedItemsOf(result)).toEqual(ids.map((_, index) => index));
		expect(pagerDuty.sandbox.stats.randomFaults).toBeGreaterThan(20);
	}, 60_000);
});
