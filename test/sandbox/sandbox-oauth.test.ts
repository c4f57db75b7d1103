import { createHash } from 'crypto';

import { ADMIN_EMAIL, authorizeRedirect, call, tokenRequest } from '../../dev/sandbox/helpers';
import { PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

const CLIENT = { clientId: 'n8n-test-client', clientSecret: 's3cr3t+/=' };
const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';

function basic(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

function authorize(sandbox: PagerDutySandbox, extra: Record<string, string> = {}): Promise<URL> {
	return authorizeRedirect(sandbox.url, {
		response_type: 'code',
		client_id: CLIENT.clientId,
		redirect_uri: REDIRECT,
		scope: 'write',
		state: 'xyz-state',
		...extra,
	});
}

const token = (sandbox: PagerDutySandbox, fields: Record<string, string>, authorization?: string) =>
	tokenRequest(sandbox.url, fields, authorization);

describe('PagerDuty sandbox OAuth', () => {
	let sandbox: PagerDutySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ oauthClients: [CLIENT], seed: { incidents: 5 } });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('exchanges an authorization code (client secret in the body) and calls the API', async () => {
		const redirect = await authorize(sandbox);
		expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
		expect(redirect.searchParams.get('state')).toBe('xyz-state');
		const code = redirect.searchParams.get('code') ?? '';
		expect(code).not.toBe('');

		const exchanged = await token(sandbox, {
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		expect(exchanged.status).toBe(200);
		expect(exchanged.body).toMatchObject({
			token_type: 'bearer',
			scope: 'openid write',
			expires_in: expect.any(Number),
		});

		const me = await call(sandbox.url, 'GET', '/users/me', {
			headers: { Authorization: `Bearer ${exchanged.body.access_token}` },
		});
		expect(me.status).toBe(200);
		expect(me.body.user.email).toBe(ADMIN_EMAIL);

		// Codes are single use.
		const reused = await token(
			sandbox,
			{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
			basic(CLIENT.clientId, CLIENT.clientSecret),
		);
		expect(reused.status).toBe(400);
		expect(reused.body.error).toBe('invalid_grant');
	});

	it('refreshes with HTTP Basic client auth, rotating both tokens', async () => {
		const redirect = await authorize(sandbox);
		const first = await token(
			sandbox,
			{
				grant_type: 'authorization_code',
				code: redirect.searchParams.get('code') ?? '',
				redirect_uri: REDIRECT,
			},
			basic(CLIENT.clientId, CLIENT.clientSecret),
		);
		expect(first.status).toBe(200);

		sandbox.expireAccessToken(first.body.access_token);
		const expired = await call(sandbox.url, 'GET', '/incidents', {
			headers: { Authorization: `Bearer ${first.body.access_token}` },
		});
		expect(expired.status).toBe(401);
		expect(expired.body).toEqual({ error: { message: 'Authentication failed', code: 2006 } });

		const refreshed = await token(
			sandbox,
			{ grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
			basic(CLIENT.clientId, CLIENT.clientSecret),
		);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(first.body.access_token);
		expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);

		const ok = await call(sandbox.url, 'GET', '/incidents', {
			headers: { Authorization: `Bearer ${refreshed.body.access_token}` },
		});
		expect(ok.status).toBe(200);
		const oldRefresh = await token(
			sandbox,
			{ grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
			basic(CLIENT.clientId, CLIENT.clientSecret),
		);
		expect(oldRefresh.status).toBe(400);

		const requests = sandbox.requests.filter(
			(request) => request.operation === 'POST /oauth/token',
		);
		expect(requests[requests.length - 1].body).toMatchObject({ grant_type: 'refresh_token' });
	});

	it('invalidates the old access token on refresh and rejects bad clients', async () => {
		const issued = sandbox.issueOAuthToken(CLIENT.clientId);
		const refreshed = await token(sandbox, {
			grant_type: 'refresh_token',
			refresh_token: issued.refresh_token,
			client_id: CLIENT.clientId,
			client_secret: CLIENT.clientSecret,
		});
		expect(refreshed.status).toBe(200);
		const old = await call(sandbox.url, 'GET', '/priorities', {
			headers: { Authorization: `Bearer ${issued.access_token}` },
		});
		expect(old.status).toBe(401);

		const badSecret = await token(
			sandbox,
			{ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token },
			basic(CLIENT.clientId, 'wrong'),
		);
		expect(badSecret.status).toBe(401);
		expect(badSecret.body.error).toBe('invalid_client');
	});

	it('supports PKCE and read-only scope', async () => {
		const verifier = 'a-very-long-code-verifier-value-with-enough-entropy-1234567890';
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const redirect = await authorize(sandbox, {
			scope: 'read',
			code_challenge: challenge,
			code_challenge_method: 'S256',
		});
		const code = redirect.searchParams.get('code') ?? '';
		const wrong = await token(sandbox, {
			grant_type: 'authorization_code',
			code,
			code_verifier: 'nope',
			client_id: CLIENT.clientId,
		});
		expect(wrong.status).toBe(400);

		const redirect2 = await authorize(sandbox, {
			scope: 'read',
			code_challenge: challenge,
			code_challenge_method: 'S256',
		});
		const exchanged = await token(sandbox, {
			grant_type: 'authorization_code',
			code: redirect2.searchParams.get('code') ?? '',
			code_verifier: verifier,
			client_id: CLIENT.clientId,
			redirect_uri: REDIRECT,
		});
		expect(exchanged.status).toBe(200);
		expect(exchanged.body.scope).toBe('openid read');
		const bearer = { Authorization: `Bearer ${exchanged.body.access_token}` };
		expect((await call(sandbox.url, 'GET', '/incidents', { headers: bearer })).status).toBe(200);
		const write = await call(
			sandbox.url,
			'POST',
			`/incidents/${sandbox.store.incidents[0].id}/notes`,
			{
				headers: bearer,
				body: { note: { content: 'read-only token' } },
			},
		);
		expect(write.status).toBe(403);
	});

	it('expires every access token at once for refresh tests', async () => {
		const a = sandbox.issueOAuthToken(CLIENT.clientId);
		const b = sandbox.issueOAuthToken(CLIENT.clientId, 'write', 'priya.raman@example.com');
		sandbox.expireAllAccessTokens();
		for (const issued of [a, b]) {
			const response = await call(sandbox.url, 'GET', '/teams', {
				headers: { Authorization: `Bearer ${issued.access_token}` },
			});
			expect(response.status).toBe(401);
		}
	});
});
