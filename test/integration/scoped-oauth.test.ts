// Scoped OAuth through n8n's engine: n8n-core fetches app tokens itself (client credentials), fetches a
// new one on 401, and the node refuses operations the token's scopes do not cover.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	credentialTypes,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_SCOPED_OAUTH_APP,
	DEFAULT_SUBDOMAIN,
	jsonOf,
	useSandbox,
} from './pagerduty';
import { PagerDutyScopedOAuth2Api } from '../../credentials/PagerDutyScopedOAuth2Api.credentials';
import { TestCredentialsHelper, testCredential } from '../../dev/harness/engine';
import type { PagerDutySandbox } from '../../dev/sandbox/server';
import { presets } from '../../nodes/shared/nodeScopes.generated.json';

const TYPE = 'pagerDutyScopedOAuth2Api';
/** A Scoped OAuth app PagerDuty allows to read incidents and nothing else. */
const READ_ONLY_APP = {
	clientId: 'incidents-read-app',
	clientSecret: 'read-app-secret',
	kind: 'scoped' as const,
	scopes: ['incidents.read'],
};

/** The scope string n8n sends for these credential fields (the credential's hidden expression). */
async function computedScope(fields: ICredentialDataDecryptedObject): Promise<string> {
	const helper = new TestCredentialsHelper(credentialTypes);
	const resolved = await helper.applyDefaultsAndOverwrites(
		{} as never,
		{ clientId: 'id', clientSecret: 'secret', ...fields },
		TYPE,
		'internal',
	);
	return String(resolved.scope);
}

const calls = (sandbox: PagerDutySandbox) =>
	sandbox.requests.map(
		(request) => `${request.method} ${request.operation ?? request.path} ${request.status}`,
	);

/** A 401, the token request n8n makes on it, and the request sent again with the new token. */
const RETRIED_WITH_A_NEW_TOKEN = [
	'GET GET /incidents/{id} 401',
	'POST POST /oauth/token 200',
	'GET GET /incidents/{id} 200',
];

const tokenRequests = (sandbox: PagerDutySandbox) =>
	sandbox.requests.filter((request) => request.path === '/oauth/token');

const storedToken = (credentials: Record<string, ICredentialDataDecryptedObject>) =>
	credentials[TYPE].oauthTokenData as IDataObject;

/** Every string in an error or output that could carry a secret. */
const visibleText = (value: unknown) => JSON.stringify(value ?? null);

describe('the scope the credential asks for', () => {
	it.each([
		[{ region: 'us', subdomain: 'acme' }, 'as_account-us.acme'],
		[{ region: 'eu', subdomain: 'https://Acme-EU.eu.pagerduty.com/' }, 'as_account-eu.acme-eu'],
		[
			{ region: 'custom', baseUrl: 'http://127.0.0.1:1', accountRegion: 'eu', subdomain: 'acme' },
			'as_account-eu.acme',
		],
	])('names the account: %j → %s', async (fields, account) => {
		const [first, ...rest] = (await computedScope(fields)).split(' ');
		expect(first).toBe(account);
		expect(rest).toEqual(presets.readWrite);
	});

	it('asks for the read-only preset, or for the custom scopes', async () => {
		expect(await computedScope({ subdomain: 'acme', scopePreset: 'readOnly' })).toBe(
			['as_account-us.acme', ...presets.readOnly].join(' '),
		);
		expect(
			await computedScope({
				subdomain: 'acme',
				scopePreset: 'custom',
				scopes: ['incidents.read', 'services.read'],
			}),
		).toBe('as_account-us.acme incidents.read services.read');
	});

	it('offers every scope name of the spec but the singular incident.read', () => {
		const field = new PagerDutyScopedOAuth2Api().properties.find(({ name }) => name === 'scopes');
		const offered = (field?.options ?? []).map((option) => (option as { value: string }).value);
		expect(offered).toContain('incidents.write');
		expect(offered).toContain('users:contact_methods.write');
		expect(offered).not.toContain('incident.read');
		expect(offered.length).toBe(70);
	});
});

describe('app token (client credentials)', () => {
	const pagerDuty = useSandbox({
		oauthClients: [DEFAULT_OAUTH_CLIENT, DEFAULT_SCOPED_OAUTH_APP, READ_ONLY_APP],
	});
	const incident = () =>
		pagerDuty.sandbox.store.incidents.find((candidate) => candidate.status === 'triggered')!;
	const getIncident = (credential?: ICredentialDataDecryptedObject) =>
		pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: incident().id },
			{ auth: 'scopedOAuth2', credential },
		);
	const resolveIncident = (credential?: ICredentialDataDecryptedObject, continueOnFail = false) =>
		pagerDuty.run(
			{
				resource: 'incident',
				operation: 'update',
				incidentId: incident().id,
				updateFields: { status: 'resolved' },
			},
			{ auth: 'scopedOAuth2', credential, continueOnFail },
		);

	it('is fetched by n8n on first use, with the computed scope, and stored with the granted scope', async () => {
		const result = await getIncident();
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ id: incident().id });
		expect(calls(pagerDuty.sandbox)).toEqual([
			'POST POST /oauth/token 200',
			'GET GET /incidents/{id} 200',
		]);
		const [tokenRequest] = tokenRequests(pagerDuty.sandbox);
		expect(tokenRequest.body).toEqual({
			grant_type: 'client_credentials',
			client_id: DEFAULT_SCOPED_OAUTH_APP.clientId,
			client_secret: DEFAULT_SCOPED_OAUTH_APP.clientSecret,
			scope: [`as_account-us.${DEFAULT_SUBDOMAIN}`, ...presets.readWrite].join(' '),
		});
		const stored = storedToken(result.credentials);
		expect(stored.scope).toBe(
			[`as_account-us.${DEFAULT_SUBDOMAIN}`, ...presets.readWrite].join(' '),
		);
		expect(stored).not.toHaveProperty('refresh_token');
		expect(stored.expires_in).toBe(86400);
		expect(pagerDuty.sandbox.requests[1].headers.authorization).toBe(
			`Bearer ${stored.access_token}`,
		);
	});

	it('is fetched anew when PagerDuty answers 401 (expired), and the request is sent again', async () => {
		const grantsBefore = pagerDuty.sandbox.oauthGrants().length;
		const first = pagerDuty.sandbox.issueAppToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		pagerDuty.sandbox.expireClientTokens(DEFAULT_SCOPED_OAUTH_APP.clientId);
		const result = await getIncident({
			scopePreset: 'custom',
			scopes: ['incidents.read'],
			oauthTokenData: { ...first } as unknown as ICredentialDataDecryptedObject,
		});
		expect(result.error).toBeUndefined();
		expect(calls(pagerDuty.sandbox)).toEqual(RETRIED_WITH_A_NEW_TOKEN);
		expect(tokenRequests(pagerDuty.sandbox)[0].body).toMatchObject({
			grant_type: 'client_credentials',
		});
		const grants = pagerDuty.sandbox.oauthGrants().slice(grantsBefore);
		expect(grants.map(({ kind }) => kind)).toEqual(['app', 'app']);
		expect(storedToken(result.credentials).access_token).toBe(grants[1].accessToken);
	});

	it('refuses an operation whose scope the token lacks, without sending it, naming operation, scope and fix', async () => {
		const token = pagerDuty.sandbox.issueAppToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		const result = await resolveIncident({
			scopePreset: 'readOnly',
			oauthTokenData: { ...token } as unknown as ICredentialDataDecryptedObject,
		});
		expect(result.error?.message).toBe(
			'Incident → Update: The Scoped OAuth token lacks the scope incidents.write, which PagerDuty requires for PUT /incidents/{id}',
		);
		expect(result.error?.description).toMatch(/^Add incidents\.write to the credential's scopes/);
		expect(result.error?.description).toMatch(/The token's scopes: incidents\.read\./);
		expect(pagerDuty.sandbox.requests).toHaveLength(0);
		expect(visibleText(result.error)).not.toContain(token.access_token);
		expect(visibleText(result.error)).not.toContain(DEFAULT_SCOPED_OAUTH_APP.clientSecret);
	});

	it('fetches one new token when the stored one predates a scope the credential now asks for', async () => {
		const old = pagerDuty.sandbox.issueAppToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		const result = await resolveIncident({
			oauthTokenData: { ...old } as unknown as ICredentialDataDecryptedObject,
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ status: 'resolved' });
		expect(calls(pagerDuty.sandbox)).toEqual([
			'POST POST /oauth/token 200',
			'PUT PUT /incidents/{id} 200',
		]);
		expect(String(storedToken(result.credentials).scope).split(' ')).toContain('incidents.write');
	});

	describe('with an app PagerDuty allows less than the credential asks for', () => {
		const readOnlyApp = {
			clientId: READ_ONLY_APP.clientId,
			clientSecret: READ_ONLY_APP.clientSecret,
		};

		it('first run: the token is granted fewer scopes, PagerDuty answers 403, the error says the app lacks the permission', async () => {
			const result = await resolveIncident(readOnlyApp, true);
			expect(jsonOf(result)[0].error).toBe(
				'Incident → Update: PagerDuty 403: Token missing required scopes (code 2010)',
			);
			expect(jsonOf(result)[0].description).toMatch(
				/The credential asks for incidents\.write, but PagerDuty did not grant it: the app lacks the permission\. In PagerDuty, Integrations → App Registration/,
			);
			expect(storedToken(result.credentials).scope).toBe(
				`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
			);
			expect(calls(pagerDuty.sandbox)).toEqual([
				'POST POST /oauth/token 200',
				'PUT PUT /incidents/{id} 403',
			]);
		});

		it('later runs: refused before sending, after one new token still lacks the scope', async () => {
			const token = pagerDuty.sandbox.issueAppToken(
				READ_ONLY_APP.clientId,
				`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read incidents.write`,
			);
			expect(token.scope).toBe(`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`);
			const result = await resolveIncident({
				...readOnlyApp,
				oauthTokenData: { ...token } as unknown as ICredentialDataDecryptedObject,
			});
			expect(result.error?.message).toMatch(
				/^Incident → Update: The Scoped OAuth token lacks the scope incidents\.write/,
			);
			expect(result.error?.description).toMatch(
				/^The credential asks for incidents\.write, but PagerDuty did not grant it/,
			);
			expect(calls(pagerDuty.sandbox)).toEqual(['POST POST /oauth/token 200']);
		});
	});

	it('Custom API Call: the scope of the endpoint called, found from method and path', async () => {
		const token = pagerDuty.sandbox.issueAppToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		const credential = {
			scopePreset: 'custom',
			scopes: ['incidents.read'],
			oauthTokenData: { ...token } as unknown as ICredentialDataDecryptedObject,
		};
		const call = (method: string, path: string) =>
			pagerDuty.run(
				{
					resource: 'apiCall',
					operation: 'request',
					method,
					path,
					body: '{"note":{"content":"x"}}',
				},
				{ auth: 'scopedOAuth2', credential },
			);
		const allowed = await call('GET', `/incidents/${incident().id}/notes`);
		expect(allowed.error).toBeUndefined();
		const refused = await call('POST', `/incidents/${incident().id}/notes`);
		expect(refused.error?.message).toBe(
			'Custom API Call → Make a Request: The Scoped OAuth token lacks the scope incidents.write, which PagerDuty requires for POST /incidents/{id}/notes',
		);
		expect(calls(pagerDuty.sandbox)).toEqual(['GET GET /incidents/{id}/notes 200']);
	});

	it('runs operations PagerDuty names no scope for (they are left to PagerDuty)', async () => {
		const token = pagerDuty.sandbox.issueAppToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		const result = await pagerDuty.run(
			{ resource: 'user', operation: 'getCurrent' },
			{
				auth: 'scopedOAuth2',
				credential: { oauthTokenData: { ...token } as unknown as ICredentialDataDecryptedObject },
				continueOnFail: true,
			},
		);
		// Sent: the sandbox, like PagerDuty, decides (an app token acts for no user).
		expect(calls(pagerDuty.sandbox)).toEqual([
			expect.stringMatching(/^GET GET \/users\/me \d{3}$/),
		]);
		expect(visibleText(result.items)).not.toContain(token.access_token);
	});

	it('keeps the client secret out of the error when PagerDuty refuses the client', async () => {
		const result = await getIncident({ clientSecret: 'wrong-secret-value' });
		expect(result.error?.message).toMatch(/^Failed to acquire OAuth2 access token: /);
		expect(visibleText(result.error)).not.toContain('wrong-secret-value');
		expect(calls(pagerDuty.sandbox)).toEqual(['POST POST /oauth/token 401']);
	});
});

describe('EU account', () => {
	const pagerDuty = useSandbox({ region: 'eu' });

	it('asks for as_account-eu.<subdomain>, and PagerDuty grants it', async () => {
		const incident = pagerDuty.sandbox.store.incidents[0];
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: incident.id },
			{ auth: 'scopedOAuth2', credential: { accountRegion: 'eu' } },
		);
		expect(result.error).toBeUndefined();
		expect(String((tokenRequests(pagerDuty.sandbox)[0].body as IDataObject).scope)).toMatch(
			new RegExp(`^as_account-eu\\.${DEFAULT_SUBDOMAIN} `),
		);
		expect(storedToken(result.credentials).scope).toBe(
			[`as_account-eu.${DEFAULT_SUBDOMAIN}`, ...presets.readWrite].join(' '),
		);
	});

	it('fails clearly when the credential names the US account (PagerDuty: invalid scope)', async () => {
		const incident = pagerDuty.sandbox.store.incidents[0];
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: incident.id },
			{ auth: 'scopedOAuth2', credential: { accountRegion: 'us' } },
		);
		expect(result.error?.message).toMatch(
			/^Failed to acquire OAuth2 access token: .*\(Invalid scope\)$/,
		);
		expect(result.error?.description).toMatch(/Account Subdomain and region/);
		expect(calls(pagerDuty.sandbox)).toEqual(['POST POST /oauth/token 400']);
	});
});

describe('scoped user token (authorization code with PKCE and the secret)', () => {
	const pagerDuty = useSandbox();

	it('is sent as Bearer and refreshed with its refresh token on 401', async () => {
		const token = pagerDuty.sandbox.issueOAuthToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		pagerDuty.sandbox.expireAccessToken(token.access_token);
		const incident = pagerDuty.sandbox.store.incidents[0];
		const result = await pagerDuty.run(
			{ resource: 'incident', operation: 'get', incidentId: incident.id },
			{
				auth: 'scopedOAuth2',
				credential: {
					grantType: 'authorizationCode',
					scopePreset: 'custom',
					scopes: ['incidents.read'],
					oauthTokenData: {
						...token,
						token_type: 'Bearer',
					} as unknown as ICredentialDataDecryptedObject,
				},
			},
		);
		expect(result.error).toBeUndefined();
		expect(calls(pagerDuty.sandbox)).toEqual(RETRIED_WITH_A_NEW_TOKEN);
		expect(tokenRequests(pagerDuty.sandbox)[0].body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: token.refresh_token,
		});
		expect(storedToken(result.credentials).refresh_token).not.toBe(token.refresh_token);
	});

	it('refuses a write the user token was not granted, telling to reconnect', async () => {
		const token = pagerDuty.sandbox.issueOAuthToken(
			DEFAULT_SCOPED_OAUTH_APP.clientId,
			`as_account-us.${DEFAULT_SUBDOMAIN} incidents.read`,
		);
		const incident = pagerDuty.sandbox.store.incidents[0];
		const result = await pagerDuty.run(
			{ resource: 'incidentNote', operation: 'create', incidentId: incident.id, content: 'x' },
			{
				auth: 'scopedOAuth2',
				credential: {
					grantType: 'authorizationCode',
					oauthTokenData: {
						...token,
						token_type: 'Bearer',
					} as unknown as ICredentialDataDecryptedObject,
				},
			},
		);
		expect(result.error?.message).toMatch(
			/^Incident Note → Create: The Scoped OAuth token lacks the scope incidents\.write/,
		);
		expect(result.error?.description).toMatch(/reconnect the credential/);
		expect(pagerDuty.sandbox.requests).toHaveLength(0);
	});
});

describe('credential test', () => {
	const pagerDuty = useSandbox();
	const data = (overrides: ICredentialDataDecryptedObject = {}) => ({
		region: 'custom',
		baseUrl: pagerDuty.sandbox.url,
		grantType: 'clientCredentials',
		clientId: DEFAULT_SCOPED_OAUTH_APP.clientId,
		clientSecret: DEFAULT_SCOPED_OAUTH_APP.clientSecret,
		subdomain: DEFAULT_SUBDOMAIN,
		...overrides,
	});

	it('passes when n8n gets an app token and the token endpoint answers', async () => {
		const result = await testCredential(new PagerDutyScopedOAuth2Api(), data());
		expect(result).toMatchObject({ status: 'OK' });
		const tokenCalls = tokenRequests(pagerDuty.sandbox);
		expect(tokenCalls.map(({ status }) => status)).toEqual([200, 200]);
		expect(tokenCalls[1].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(tokenCalls[1].body).toMatchObject({
			grant_type: 'client_credentials',
			scope: [`as_account-us.${DEFAULT_SUBDOMAIN}`, ...presets.readWrite].join(' '),
		});
	});

	it.each([
		['a wrong secret', { clientSecret: 'not-the-secret' }],
		['another account', { subdomain: 'not-acme' }],
	])('fails for %s, without showing the secret', async (_case, overrides) => {
		const result = await testCredential(new PagerDutyScopedOAuth2Api(), data(overrides));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Failed to acquire OAuth2 access token: /);
		expect(result.message).not.toContain('not-the-secret');
		expect(result.message).not.toContain(DEFAULT_SCOPED_OAUTH_APP.clientSecret);
	});
});
