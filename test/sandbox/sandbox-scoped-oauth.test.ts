import { ClientOAuth2 } from '@n8n/client-oauth2';
import { createHash } from 'crypto';

import {
	ADMIN_EMAIL,
	authorizeRedirect,
	call,
	Json,
	tokenRequest,
} from '../../dev/sandbox/helpers';
import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	PagerDutySandbox,
	SandboxOptions,
	startSandbox,
} from '../../dev/sandbox/server';

// A secret with characters that form encoding changes: n8n sends HTTP Basic credentials raw.
const APP = { clientId: 'scoped-app', clientSecret: 'p+q/r=%2F s', kind: 'scoped' as const };
const NARROW_APP = {
	clientId: 'incidents-only-app',
	clientSecret: 'narrow-secret',
	kind: 'scoped' as const,
	scopes: ['incidents.read'],
};
const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';
const VERIFIER = 'a-long-enough-code-verifier-for-pkce-0123456789-abcdefghijklmnop';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const DAY_MS = 86_400_000;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const appToken = (sandbox: PagerDutySandbox, scope: string, client = APP) =>
	tokenRequest(sandbox.url, {
		grant_type: 'client_credentials',
		client_id: client.clientId,
		client_secret: client.clientSecret,
		scope,
	});

async function control(sandbox: PagerDutySandbox, method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.text()) || undefined };
}

async function withSandbox(
	options: SandboxOptions,
	test: (sandbox: PagerDutySandbox) => Promise<void>,
): Promise<void> {
	const sandbox = await startSandbox({ seed: { incidents: 3 }, ...options });
	try {
		await test(sandbox);
	} finally {
		await sandbox.close();
	}
}

describe('PagerDuty sandbox Scoped OAuth', () => {
	let sandbox: PagerDutySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({
			oauthClients: [DEFAULT_OAUTH_CLIENT, APP, NARROW_APP],
			seed: { incidents: 5 },
		});
	});
	afterAll(async () => {
		await sandbox.close();
	});
	// OAuth grants outlive reset(), as they do a real account's: each test looks at its own.
	let grantsBefore = 0;
	const newGrants = () => sandbox.oauthGrants().slice(grantsBefore);
	beforeEach(() => {
		sandbox.reset();
		grantsBefore = sandbox.oauthGrants().length;
	});

	describe('app tokens (client credentials)', () => {
		it.each(['header', 'body'] as const)(
			"issue a 1-day token with the granted scopes to n8n's OAuth2 client (credentials in the %s)",
			async (authentication) => {
				const client = new ClientOAuth2({
					clientId: APP.clientId,
					clientSecret: APP.clientSecret,
					accessTokenUri: `${sandbox.url}/oauth/token`,
					scopes: ['as_account-us.acme', 'incidents.read', 'services.read'],
					authentication,
				});
				const { data } = await client.credentials.getToken();
				expect(data).toEqual({
					access_token: expect.any(String),
					token_type: 'bearer',
					expires_in: 86400,
					scope: 'as_account-us.acme incidents.read services.read',
				});
				const [request] = sandbox.requests;
				expect(request.body).toMatchObject({ grant_type: 'client_credentials' });
				if (authentication === 'header') expect(request.headers.authorization).toMatch(/^Basic /);

				for (const path of ['/incidents', '/services'])
					expect(
						(await call(sandbox.url, 'GET', path, { headers: bearer(data.access_token) })).status,
					).toBe(200);
				expect(newGrants().map((grant) => grant.kind)).toEqual(['app']);
			},
		);

		it('act for the account: From names the actor where PagerDuty requires it, and /users/me has no user', async () => {
			const { body } = await appToken(sandbox, 'as_account-us.acme incidents.write users.read');
			const incident = sandbox.store.incidents[0].id;
			const note = { note: { content: 'from an app token' } };
			const withoutFrom = await call(sandbox.url, 'POST', `/incidents/${incident}/notes`, {
				headers: bearer(body.access_token),
				body: note,
			});
			expect(withoutFrom.status).toBe(400);
			const withFrom = await call(sandbox.url, 'POST', `/incidents/${incident}/notes`, {
				headers: { ...bearer(body.access_token), From: ADMIN_EMAIL },
				body: note,
			});
			expect(withFrom.status).toBe(201);
			const me = await call(sandbox.url, 'GET', '/users/me', {
				headers: bearer(body.access_token),
			});
			expect(me.status).toBe(400);
		});

		it('refuse a scope without this account, or with another one, the way PagerDuty does', async () => {
			for (const scope of [
				'incidents.read',
				'as_account-us.other incidents.read',
				'as_account-eu.acme incidents.read',
			]) {
				const refused = await appToken(sandbox, scope);
				expect(refused).toEqual({
					status: 400,
					body: { error: 'invalid_request', error_description: 'Invalid scope' },
				});
			}
			expect(newGrants()).toHaveLength(0);
		});

		it('refuse a wrong secret and a classic client', async () => {
			const wrong = await appToken(sandbox, 'as_account-us.acme incidents.read', {
				...APP,
				clientSecret: 'nope',
			});
			expect(wrong.status).toBe(401);
			expect(wrong.body.error).toBe('invalid_client');
			const classic = await tokenRequest(sandbox.url, {
				grant_type: 'client_credentials',
				client_id: DEFAULT_OAUTH_CLIENT.clientId,
				client_secret: DEFAULT_OAUTH_CLIENT.clientSecret,
				scope: 'as_account-us.acme incidents.read',
			});
			expect(classic.status).toBe(400);
			expect(classic.body.error).toBe('unauthorized_client');
		});

		it('drop unknown scopes and scopes the app was not given, without an error', async () => {
			const mixed = await appToken(sandbox, 'as_account-us.acme incidents.read bogus.read');
			expect(mixed.body.scope).toBe('as_account-us.acme incidents.read');

			const narrow = await appToken(
				sandbox,
				'as_account-us.acme incidents.read services.read',
				NARROW_APP,
			);
			expect(narrow.body.scope).toBe('as_account-us.acme incidents.read');
			const services = await call(sandbox.url, 'GET', '/services', {
				headers: bearer(narrow.body.access_token),
			});
			expect(services.status).toBe(403);

			const nothing = await appToken(sandbox, 'as_account-us.acme bogus.read incidents');
			expect(nothing.status).toBe(200);
			expect(nothing.body.scope).toBe('as_account-us.acme openid');
			const incidents = await call(sandbox.url, 'GET', '/incidents', {
				headers: bearer(nothing.body.access_token),
			});
			expect(incidents.status).toBe(403);
		});

		it('answer 401 once expired; the app then fetches a new token, listed by the control API', async () => {
			const first = await appToken(sandbox, 'as_account-us.acme incidents.read');
			sandbox.expireAccessToken(first.body.access_token);
			const expired = await call(sandbox.url, 'GET', '/incidents', {
				headers: bearer(first.body.access_token),
			});
			expect(expired.status).toBe(401);
			expect(expired.body).toEqual({ error: { message: 'Authentication failed', code: 2006 } });

			const second = await appToken(sandbox, 'as_account-us.acme incidents.read');
			expect(second.body.access_token).not.toBe(first.body.access_token);
			expect(
				(
					await call(sandbox.url, 'GET', '/incidents', {
						headers: bearer(second.body.access_token),
					})
				).status,
			).toBe(200);

			const listed = await control(sandbox, 'GET', 'oauth/grants');
			const grants = (JSON.parse(listed.body ?? '{}').grants as Json[]).slice(grantsBefore);
			expect(grants.map((grant) => [grant.kind, grant.client_id, grant.active])).toEqual([
				['app', APP.clientId, false],
				['app', APP.clientId, true],
			]);
			expect(grants[1]).toMatchObject({
				user_id: null,
				scope: 'as_account-us.acme incidents.read',
				access_token: second.body.access_token,
				refresh_expires_at: null,
			});
			expect(Date.parse(grants[1].access_expires_at) - Date.parse(grants[1].issued_at)).toBe(
				DAY_MS,
			);
		});

		it('expire early: one token, or every token of one client, through the control API', async () => {
			const a = await appToken(sandbox, 'as_account-us.acme incidents.read');
			const b = await appToken(sandbox, 'as_account-us.acme incidents.read');
			const other = await appToken(sandbox, 'as_account-us.acme incidents.read', NARROW_APP);
			const viaControl = await control(sandbox, 'POST', 'oauth/token', {
				grant_type: 'client_credentials',
				client_id: APP.clientId,
				scope: 'incidents.read',
			});
			const c = JSON.parse(viaControl.body ?? '{}') as Json;
			expect(c.scope).toBe('as_account-us.acme incidents.read');
			const status = async (token: string) =>
				(await call(sandbox.url, 'GET', '/incidents', { headers: bearer(token) })).status;

			expect(
				(await control(sandbox, 'POST', 'oauth/expire', { access_token: a.body.access_token }))
					.status,
			).toBe(204);
			expect([await status(a.body.access_token), await status(b.body.access_token)]).toEqual([
				401, 200,
			]);

			expect(
				(await control(sandbox, 'POST', 'oauth/expire', { client_id: APP.clientId })).status,
			).toBe(204);
			expect([await status(b.body.access_token), await status(c.access_token)]).toEqual([401, 401]);
			expect(await status(other.body.access_token)).toBe(200);
		});

		it('take the EU account as as_account-eu.<subdomain>', async () => {
			await withSandbox(
				{ region: 'eu', seed: { incidents: 1, subdomain: 'acme-eu' }, oauthClients: [APP] },
				async (eu) => {
					const granted = await appToken(eu, 'as_account-eu.acme-eu incidents.read');
					expect(granted.status).toBe(200);
					expect(granted.body.scope).toBe('as_account-eu.acme-eu incidents.read');
					expect((await appToken(eu, 'as_account-us.acme-eu incidents.read')).status).toBe(400);
				},
			);
		});

		it('share one rate-limit bucket per app (per account), apart from other apps and API keys', async () => {
			await withSandbox(
				{ oauthClients: [APP, NARROW_APP], rateLimitPerMinute: 3, enforceRateLimit: true },
				async (limited) => {
					const a = await appToken(limited, 'as_account-us.acme incidents.read');
					const b = await appToken(limited, 'as_account-us.acme incidents.read');
					const get = (headers: Record<string, string>) =>
						call(limited.url, 'GET', '/incidents', { headers });
					const statuses = [];
					for (const token of [a, b, a, b])
						statuses.push((await get(bearer(token.body.access_token))).status);
					expect(statuses).toEqual([200, 200, 200, 429]);

					const other = await appToken(limited, 'as_account-us.acme incidents.read', NARROW_APP);
					expect((await get(bearer(other.body.access_token))).status).toBe(200);
					expect(
						(await get({ Authorization: `Token token=${DEFAULT_ACCOUNT_TOKEN}` })).status,
					).toBe(200);
				},
			);
		});
	});

	describe('scoped user tokens (authorization code, PKCE S256 and the client secret)', () => {
		const authorize = (extra: Record<string, string> = {}) =>
			authorizeRedirect(sandbox.url, {
				response_type: 'code',
				client_id: APP.clientId,
				redirect_uri: REDIRECT,
				scope: 'incidents.read incidents.write',
				state: 'state-1',
				code_challenge: CHALLENGE,
				code_challenge_method: 'S256',
				...extra,
			});

		const refresh = (refreshToken: string) =>
			tokenRequest(sandbox.url, {
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
				client_id: APP.clientId,
				client_secret: APP.clientSecret,
			});

		const exchange = (code: string, extra: Record<string, string> = {}) =>
			tokenRequest(sandbox.url, {
				grant_type: 'authorization_code',
				code,
				redirect_uri: REDIRECT,
				client_id: APP.clientId,
				client_secret: APP.clientSecret,
				code_verifier: VERIFIER,
				...extra,
			});

		it('issue a 1-day token and a 30-day refresh token that rotates', async () => {
			const redirect = await authorize();
			expect(redirect.searchParams.get('state')).toBe('state-1');
			const first = await exchange(redirect.searchParams.get('code') ?? '');
			expect(first).toEqual({
				status: 200,
				body: {
					access_token: expect.any(String),
					refresh_token: expect.any(String),
					token_type: 'bearer',
					expires_in: 86400,
					scope: 'as_account-us.acme incidents.read incidents.write',
				},
			});
			const [grant] = newGrants();
			expect(grant.kind).toBe('scoped-user');
			expect(grant.refreshExpiresAt - grant.issuedAt).toBe(30 * DAY_MS);

			const headers = bearer(first.body.access_token);
			const me = await call(sandbox.url, 'GET', '/users/me', { headers });
			expect(me.body.user.email).toBe(ADMIN_EMAIL);
			const note = await call(
				sandbox.url,
				'POST',
				`/incidents/${sandbox.store.incidents[0].id}/notes`,
				{
					headers,
					body: { note: { content: 'scoped user' } },
				},
			);
			expect(note.status).toBe(201);

			const refreshed = await refresh(first.body.refresh_token);
			expect(refreshed.status).toBe(200);
			expect(refreshed.body.scope).toBe(first.body.scope);
			expect((await call(sandbox.url, 'GET', '/incidents', { headers })).status).toBe(401);
			expect(
				(
					await call(sandbox.url, 'GET', '/incidents', {
						headers: bearer(refreshed.body.access_token),
					})
				).status,
			).toBe(200);
			const reused = await refresh(first.body.refresh_token);
			expect(reused.status).toBe(400);
		});

		it('refuse a wrong verifier, a missing secret, and an authorization without S256 PKCE', async () => {
			const wrongVerifier = await exchange((await authorize()).searchParams.get('code') ?? '', {
				code_verifier: 'not-the-verifier',
			});
			expect(wrongVerifier.status).toBe(400);
			expect(wrongVerifier.body.error).toBe('invalid_grant');

			const noSecret = await exchange((await authorize()).searchParams.get('code') ?? '', {
				client_secret: '',
			});
			expect(noSecret.status).toBe(401);
			expect(noSecret.body.error).toBe('invalid_client');

			const withoutS256: Array<Record<string, string>> = [
				{ code_challenge: '' },
				{ code_challenge_method: 'plain' },
			];
			for (const pkce of withoutS256) {
				const refused = await authorize(pkce);
				expect(refused.searchParams.get('error')).toBe('invalid_request');
				expect(refused.searchParams.get('code')).toBeNull();
			}
			expect(
				(await authorize({ scope: 'as_account-eu.acme incidents.read' })).searchParams.get('error'),
			).toBe('invalid_scope');
			expect(newGrants()).toHaveLength(0);
		});

		it('refuse an expired refresh token', async () => {
			const issued = sandbox.issueOAuthToken(APP.clientId, 'incidents.read');
			const grant = sandbox
				.oauthGrants()
				.find((candidate) => candidate.accessToken === issued.access_token);
			grant!.refreshExpiresAt = Date.now() - 1;
			const refused = await refresh(issued.refresh_token);
			expect(refused.status).toBe(400);
			expect(refused.body.error).toBe('invalid_grant');
		});
	});

	describe('per-operation scopes', () => {
		it("answer 403 naming the scope the operation needs (the spec's x-pd-requires-scope)", async () => {
			const token = sandbox.issueAppToken(APP.clientId, 'incidents.read services.read');
			const headers = { ...bearer(token.access_token), From: ADMIN_EMAIL };
			const window = {
				maintenance_window: {
					type: 'maintenance_window',
					start_time: '2099-01-01T00:00:00Z',
					end_time: '2099-01-01T01:00:00Z',
					services: [{ id: sandbox.store.services[0].id, type: 'service_reference' }],
				},
			};
			const refused = await call(sandbox.url, 'POST', '/maintenance_windows', {
				headers,
				body: window,
			});
			expect(refused.status).toBe(403);
			expect(refused.body).toEqual({
				error: {
					message: 'Token missing required scopes',
					code: 2010,
					errors: ['Token missing required scopes: services.write'],
					required_scopes: 'services.write',
				},
			});
			const schedules = await call(
				sandbox.url,
				'GET',
				`/schedules/${sandbox.store.schedules[0].id}/users`,
				{
					headers,
				},
			);
			expect(schedules.body.error.required_scopes).toBe('users.read');
			// Log entries and maintenance windows fall under incidents.* and services.*.
			expect((await call(sandbox.url, 'GET', '/log_entries', { headers })).status).toBe(200);
			expect((await call(sandbox.url, 'GET', '/maintenance_windows', { headers })).status).toBe(
				200,
			);
			// A write scope is its own scope: incidents.read does not come with it, nor it with read.
			const writer = sandbox.issueAppToken(APP.clientId, 'incidents.write');
			const read = await call(sandbox.url, 'GET', '/incidents', {
				headers: bearer(writer.access_token),
			});
			expect(read.body.error.required_scopes).toBe('incidents.read');
		});

		it('refuse writes to a classic read token; API tokens know no scopes', async () => {
			const classic = sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId, 'read');
			const incident = sandbox.store.incidents[0].id;
			const note = { note: { content: 'classic read' } };
			expect(
				(
					await call(sandbox.url, 'GET', `/incidents/${incident}/notes`, {
						headers: bearer(classic.access_token),
					})
				).status,
			).toBe(200);
			const refused = await call(sandbox.url, 'POST', `/incidents/${incident}/notes`, {
				headers: bearer(classic.access_token),
				body: note,
			});
			expect(refused.status).toBe(403);
			expect(refused.body.error).toMatchObject({ message: 'Access Denied', code: 2010 });

			const apiKey = await call(sandbox.url, 'POST', `/incidents/${incident}/notes`, {
				headers: { Authorization: `Token token=${DEFAULT_ACCOUNT_TOKEN}`, From: ADMIN_EMAIL },
				body: note,
			});
			expect(apiKey.status).toBe(201);
		});
	});
});
