import dns from 'dns';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_USER_TOKEN,
	jsonOf,
	useSandbox,
} from './pagerduty';
import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import { testCredential } from '../../dev/harness/engine';

const pagerDuty = useSandbox();
const firstIncident = () => pagerDuty.sandbox.store.incidents[0];
// No retry waits: the region tests end on an unreachable host.
const getIncident = (options: Parameters<typeof pagerDuty.run>[1]) =>
	pagerDuty.run(
		{
			resource: 'incident',
			operation: 'get',
			incidentId: firstIncident().id,
			requestSettings: { maxRetryWait: 0 },
		},
		options,
	);

describe('API token', () => {
	it.each([
		['an account-level key', DEFAULT_ACCOUNT_TOKEN, 'apiToken'],
		['a user token', DEFAULT_USER_TOKEN, 'userToken'],
	] as const)('sends %s as "Token token=…"', async (_kind, token, auth) => {
		const result = await getIncident({ auth });
		expect(jsonOf(result)[0]).toMatchObject({ id: firstIncident().id });
		expect(pagerDuty.restRequests()[0].headers.authorization).toBe(`Token token=${token}`);
	});
});

describe('OAuth2', () => {
	it('sends the access token as "Bearer …"', async () => {
		const credentials = pagerDuty.credentialsFor('oAuth2');
		const accessToken = (
			credentials.pagerDutyRestOAuth2Api.oauthTokenData as ICredentialDataDecryptedObject
		).access_token;
		const result = await getIncident({
			auth: 'oAuth2',
			credential: { oauthTokenData: credentials.pagerDutyRestOAuth2Api.oauthTokenData },
		});
		expect(jsonOf(result)[0]).toMatchObject({ id: firstIncident().id });
		expect(pagerDuty.restRequests()[0].headers.authorization).toBe(`Bearer ${accessToken}`);
	});

	it("refreshes an expired token at the region's token URL, retries, and stores the new token", async () => {
		const token = pagerDuty.sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId);
		pagerDuty.sandbox.expireAccessToken(token.access_token);
		const result = await getIncident({
			auth: 'oAuth2',
			credential: {
				oauthTokenData: {
					...token,
					token_type: 'Bearer',
				} as unknown as ICredentialDataDecryptedObject,
			},
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ id: firstIncident().id });

		const calls = pagerDuty.sandbox.requests.map(
			(request) => `${request.method} ${request.path} ${request.status}`,
		);
		expect(calls).toEqual([
			`GET /incidents/${firstIncident().id} 401`,
			'POST /oauth/token 200',
			`GET /incidents/${firstIncident().id} 200`,
		]);
		const refresh = pagerDuty.sandbox.requests[1];
		expect(refresh.body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: token.refresh_token,
			client_id: DEFAULT_OAUTH_CLIENT.clientId,
			client_secret: DEFAULT_OAUTH_CLIENT.clientSecret,
		});
		const stored = result.credentials.pagerDutyRestOAuth2Api
			.oauthTokenData as ICredentialDataDecryptedObject;
		expect(stored.access_token).not.toBe(token.access_token);
		expect(pagerDuty.sandbox.requests[2].headers.authorization).toBe(
			`Bearer ${stored.access_token}`,
		);
	});

	it('with a read-only token, a write is refused and the error says which scope to choose', async () => {
		const token = pagerDuty.sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId, 'read');
		const incident = pagerDuty.sandbox.store.incidents.find(
			(candidate) => candidate.status === 'triggered',
		)!;
		const result = await pagerDuty.run(
			{
				resource: 'incident',
				operation: 'update',
				incidentId: incident.id,
				updateFields: { status: 'acknowledged' },
			},
			{
				auth: 'oAuth2',
				credential: {
					accessLevel: 'read',
					oauthTokenData: {
						...token,
						token_type: 'Bearer',
					} as unknown as ICredentialDataDecryptedObject,
				},
			},
		);
		expect(result.error?.message).toMatch(/^PagerDuty 403/);
		expect(result.error?.description).toMatch(/Read\/Write/);
	});
});

/**
 * Records the host names looked up while `action` runs. PagerDuty's real hosts cannot be reached from
 * here (no DNS), so the look-up is where a request to them shows; nothing is sent anywhere.
 */
async function hostsLookedUp(action: () => Promise<unknown>): Promise<string[]> {
	const hosts: string[] = [];
	const spy = jest.spyOn(dns, 'lookup').mockImplementation(((
		hostname: string,
		...rest: unknown[]
	) => {
		hosts.push(hostname);
		const callback = rest[rest.length - 1] as (error: NodeJS.ErrnoException) => void;
		callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
	}) as unknown as typeof dns.lookup);
	try {
		await action();
	} finally {
		spy.mockRestore();
	}
	return [...new Set(hosts)];
}

describe('regions', () => {
	it.each([
		['us', 'api.pagerduty.com'],
		['eu', 'api.eu.pagerduty.com'],
	])('sends %s-region requests to %s', async (region, host) => {
		let message: string | undefined;
		const hosts = await hostsLookedUp(async () => {
			const result = await getIncident({ credential: { region }, continueOnFail: false });
			message = result.error?.message;
		});
		expect(hosts).toEqual([host]);
		expect(message).toMatch(
			new RegExp(`^Could not reach PagerDuty at https://${host.replace(/\./g, '\\.')}: `),
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('credential test', () => {
	const data = (overrides: ICredentialDataDecryptedObject) => ({
		region: 'custom',
		baseUrl: pagerDuty.sandbox.url,
		...overrides,
	});

	it.each([DEFAULT_ACCOUNT_TOKEN, DEFAULT_USER_TOKEN])(
		'passes for a valid key (%s) on the chosen host',
		async (apiToken) => {
			expect(await testCredential(new PagerDutyApi(), data({ apiToken }))).toMatchObject({
				status: 'OK',
			});
			const [request] = pagerDuty.restRequests();
			expect(request).toMatchObject({ method: 'GET', path: '/abilities', status: 200 });
			expect(request.headers.authorization).toBe(`Token token=${apiToken}`);
		},
	);

	it('fails for a wrong token, naming the two causes of a 401 (token, region)', async () => {
		const result = await testCredential(new PagerDutyApi(), data({ apiToken: 'not-a-token' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^PagerDuty does not know this token in the chosen Service Region/,
		);
		expect(result.message).toContain('Service Region matches your account');
		expect(result.message).not.toContain('not-a-token');
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ path: '/abilities', status: 401 });
	});

	it('calls the EU host for an EU credential', async () => {
		let status: string | undefined;
		const hosts = await hostsLookedUp(async () => {
			status = (await testCredential(new PagerDutyApi(), { apiToken: 'x', region: 'eu' })).status;
		});
		expect(hosts).toEqual(['api.eu.pagerduty.com']);
		expect(status).toBe('Error');
	});
});
