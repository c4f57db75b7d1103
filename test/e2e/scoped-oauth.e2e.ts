/**
 * Scoped OAuth in real n8n 2.41.1. App tokens: the credential is created with no token; n8n fetches one from the
 * sandbox's token endpoint itself (client credentials), and a new one when the sandbox answers 401. Missing scopes:
 * refused before sending once the token's scopes are known, explained after PagerDuty's 403 before that. EU: the
 * account scope names the EU account. User tokens: "Connect my account" driven headlessly (authorization code with
 * PKCE and the client secret), then a refresh on 401. No token or secret in any output, error or n8n's log.
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';

import { exportDecryptedCredential } from '../../dev/n8n/n8n-cli';
import { CredentialRef, N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient, SandboxRequest } from '../../dev/n8n/state';
import {
	SCOPED_OAUTH_CREDENTIAL_TYPE,
	pagerDutyNode,
	webhookWorkflow,
} from '../../dev/n8n/workflows';
import type { PagerDutySandbox } from '../../dev/sandbox/server';
import {
	DEFAULT_SCOPED_OAUTH_APP,
	DEFAULT_SUBDOMAIN,
	startSandbox,
} from '../../dev/sandbox/server';
import { presets } from '../../nodes/shared/nodeScopes.generated.json';

type Json = Record<string, unknown>;
interface Grant {
	kind: string;
	client_id: string;
	scope: string;
	access_token: string;
	active: boolean;
}

const APP = DEFAULT_SCOPED_OAUTH_APP;
const FROM = 'jane.doe@example.com';
const US_ACCOUNT = `as_account-us.${DEFAULT_SUBDOMAIN}`;

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let euSandbox: PagerDutySandbox;
let incidentId: string;
/** A second triggered incident, for the write after the credential's scopes changed. */
let otherIncidentId: string;
/** Every workflow's webhook path, by a name the tests use. */
const paths: Record<string, string> = {};

/** An app token credential's data, against the shared sandbox's US account. */
const appCredentialData = (data: Json = {}): Json => ({
	grantType: 'clientCredentials',
	clientId: APP.clientId,
	clientSecret: APP.clientSecret,
	region: 'custom',
	baseUrl: state.sandboxUrl,
	accountRegion: 'us',
	subdomain: DEFAULT_SUBDOMAIN,
	scopePreset: 'readWrite',
	defaultFromEmail: FROM,
	...data,
});

const appCredential = (name: string, data: Json = {}) =>
	n8n.createCredential(name, SCOPED_OAUTH_CREDENTIAL_TYPE, appCredentialData(data));

/** A webhook workflow running one PagerDuty operation; errors become output items. */
async function workflow(name: string, credential: CredentialRef, parameters: Json): Promise<void> {
	paths[name] = `pd-scoped-${name}-${randomUUID().slice(0, 8)}`;
	await n8n.createActiveWorkflow(
		webhookWorkflow(
			`e2e Scoped OAuth ${name}`,
			paths[name],
			pagerDutyNode({ scopedOAuth2: credential }, parameters, { onError: 'continueRegularOutput' }),
		),
	);
}

/** Runs a workflow; returns its output items and the webhook's raw answer. */
async function run(name: string, body: Json = {}): Promise<{ items: Json[]; text: string }> {
	const result = await n8n.webhook(paths[name], body);
	if (result.status !== 200)
		throw new Error(`${name}: webhook answered ${result.status}: ${result.text}`);
	return { items: result.json as Json[], text: result.text };
}

const getIncident = {
	resource: 'incident',
	operation: 'get',
	incidentId: '={{ $json.body.incidentId }}',
};
const resolveIncident = {
	resource: 'incident',
	operation: 'update',
	incidentId: '={{ $json.body.incidentId }}',
	email: '',
	updateFields: { status: 'resolved', resolution: 'Resolved by the Scoped OAuth e2e test' },
};

const grantsOf = async (client: string, from: SandboxClient = sandbox) =>
	(await from.control<{ grants: Grant[] }>('GET', 'oauth/grants')).grants.filter(
		(grant) => grant.client_id === client,
	);

const summary = (requests: SandboxRequest[]) =>
	requests.map(
		(request) => `${request.method} ${request.operation ?? request.path} ${request.status}`,
	);

/** Asserts that no access token the sandbox ever issued, and no client secret, shows in `text`. */
async function expectNoSecrets(text: string, from: SandboxClient = sandbox): Promise<void> {
	const grants = (await from.control<{ grants: Grant[] }>('GET', 'oauth/grants')).grants;
	expect(grants.length).toBeGreaterThan(0);
	for (const grant of grants) expect(text).not.toContain(grant.access_token);
	expect(text).not.toContain(APP.clientSecret);
}

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	const incidents = await sandbox.rest<{ incidents: Array<{ id: string; status: string }> }>(
		'/incidents?statuses[]=triggered&limit=2',
	);
	[incidentId, otherIncidentId] = incidents.incidents.map((incident) => incident.id);
	euSandbox = await startSandbox({ port: 0, region: 'eu' });
});

afterAll(async () => {
	await euSandbox?.close();
});

describe('registration', () => {
	it('n8n knows the credential as an OAuth2 type the node offers for Authentication "Scoped OAuth2"', async () => {
		const types =
			await n8n.types<Array<{ name: string; displayName: string; extends?: string[] }>>(
				'credentials',
			);
		expect(types.find((type) => type.name === SCOPED_OAUTH_CREDENTIAL_TYPE)).toMatchObject({
			displayName: 'PagerDuty Community Scoped OAuth2 API',
			extends: ['oAuth2Api'],
		});
		const nodes =
			await n8n.types<
				Array<{ name: string; credentials?: Array<{ name: string; displayOptions?: Json }> }>
			>('nodes');
		const node = nodes.find((type) => type.name === 'n8n-nodes-pagerduty.pagerDuty');
		expect(node?.credentials).toContainEqual(
			expect.objectContaining({
				name: SCOPED_OAUTH_CREDENTIAL_TYPE,
				displayOptions: expect.objectContaining({ show: { authentication: ['scopedOAuth2'] } }),
			}),
		);
	});
});

describe('app token: n8n fetches it, and a new one after 401', () => {
	let credential: CredentialRef;

	beforeAll(async () => {
		credential = await appCredential('PagerDuty scoped app (e2e)');
		await workflow('get', credential, getIncident);
		await workflow('resolve', credential, resolveIncident);
	});

	it('the credential holds no token until n8n fetches one on the first run', async () => {
		expect(await grantsOf(APP.clientId)).toEqual([]);
		await sandbox.clearRequests();
		const { items } = await run('get', { incidentId });
		expect(items[0]).toMatchObject({ id: incidentId, type: 'incident' });
		const requests = await sandbox.requests();
		expect(summary(requests)).toEqual([
			'POST POST /oauth/token 200',
			'GET GET /incidents/{id} 200',
		]);
		expect(requests[0].body).toEqual({
			grant_type: 'client_credentials',
			client_id: APP.clientId,
			client_secret: APP.clientSecret,
			scope: [US_ACCOUNT, ...presets.readWrite].join(' '),
		});
		const [grant] = await grantsOf(APP.clientId);
		expect(requests[1].headers.authorization).toBe(`Bearer ${grant.access_token}`);
		const token = (await exportDecryptedCredential(state, credential.id)).oauthTokenData as Json;
		expect(token).toMatchObject({
			access_token: grant.access_token,
			scope: grant.scope,
			expires_in: 86400,
		});
		expect(token).not.toHaveProperty('refresh_token');
	});

	it('after the sandbox expires the app tokens: 401 → n8n fetches a new token → the request is retried', async () => {
		await sandbox.control('POST', 'oauth/expire', { client_id: APP.clientId });
		await sandbox.clearRequests();
		const { items } = await run('get', { incidentId });
		expect(items[0]).toMatchObject({ id: incidentId });
		const requests = await sandbox.requests();
		expect(summary(requests)).toEqual([
			'GET GET /incidents/{id} 401',
			'POST POST /oauth/token 200',
			'GET GET /incidents/{id} 200',
		]);
		expect(requests[1].body).toMatchObject({ grant_type: 'client_credentials' });
		const grants = await grantsOf(APP.clientId);
		expect(grants.map((grant) => grant.kind)).toEqual(['app', 'app']);
		expect(requests[2].headers.authorization).toBe(`Bearer ${grants[1].access_token}`);
		const token = (await exportDecryptedCredential(state, credential.id)).oauthTokenData as Json;
		expect(token.access_token).toBe(grants[1].access_token);
	});

	it('writes with the new token, acting for the account with the From email', async () => {
		await sandbox.clearRequests();
		const { items, text } = await run('resolve', { incidentId });
		expect(items[0]).toMatchObject({ id: incidentId, status: 'resolved' });
		const [request] = await sandbox.requests();
		expect(request).toMatchObject({ method: 'PUT', status: 200 });
		expect(request.headers.from).toBe(FROM);
		await expectNoSecrets(text);
	});
});

describe('a scope the token lacks', () => {
	let readOnly: CredentialRef;

	beforeAll(async () => {
		readOnly = await appCredential('PagerDuty scoped app, incidents.read only (e2e)', {
			scopePreset: 'custom',
			scopes: ['incidents.read'],
		});
		await workflow('readonly-get', readOnly, getIncident);
		await workflow('readonly-resolve', readOnly, resolveIncident);
		await workflow(
			'readonly-resolve-first',
			await appCredential('PagerDuty scoped app, fresh (e2e)', {
				scopePreset: 'custom',
				scopes: ['incidents.read'],
			}),
			resolveIncident,
		);
	});

	it('with no token yet: sent, PagerDuty answers 403, the error names the operation, the scope and the fix', async () => {
		await sandbox.clearRequests();
		const { items, text } = await run('readonly-resolve-first', { incidentId });
		expect(items[0].error).toBe(
			'Incident → Update: PagerDuty 403: Token missing required scopes (code 2010)',
		);
		expect(String(items[0].description)).toContain(
			"Add incidents.write to the credential's scopes",
		);
		expect(summary(await sandbox.requests())).toEqual([
			'POST POST /oauth/token 200',
			'PUT PUT /incidents/{id} 403',
		]);
		await expectNoSecrets(text);
	});

	it('once n8n stored the token: refused before sending', async () => {
		await run('readonly-get', { incidentId });
		await sandbox.clearRequests();
		const { items, text } = await run('readonly-resolve', { incidentId });
		expect(items[0].error).toBe(
			'Incident → Update: The Scoped OAuth token lacks the scope incidents.write, which PagerDuty requires for PUT /incidents/{id}',
		);
		expect(String(items[0].description)).toMatch(/The token's scopes: incidents\.read\.$/);
		expect(await sandbox.requests()).toEqual([]);
		await expectNoSecrets(text);
	});

	it('after the credential asks for incidents.write too, n8n fetches one new token and the write goes through', async () => {
		await n8n.api('PATCH', `/credentials/${readOnly.id}`, {
			data: { scopePreset: 'readWrite' },
			isPartialData: true,
		});
		// n8n kept the stored token (granted incidents.read only): the node sees it predates the change.
		const kept = (await exportDecryptedCredential(state, readOnly.id)).oauthTokenData as Json;
		expect(kept.scope).toBe(`${US_ACCOUNT} incidents.read`);
		await sandbox.clearRequests();
		const { items } = await run('readonly-resolve', { incidentId: otherIncidentId });
		expect(items[0]).toMatchObject({ id: otherIncidentId, status: 'resolved' });
		const requests = await sandbox.requests();
		expect(summary(requests)).toEqual([
			'POST POST /oauth/token 200',
			'PUT PUT /incidents/{id} 200',
		]);
		expect(String((requests[0].body as Json).scope)).toContain('incidents.write');
	});
});

describe('EU account', () => {
	it('asks for as_account-eu.<subdomain>; the EU account grants it', async () => {
		const eu = new SandboxClient(euSandbox.url);
		const credential = await appCredential('PagerDuty scoped app, EU account (e2e)', {
			baseUrl: euSandbox.url,
			accountRegion: 'eu',
		});
		await workflow('eu-get', credential, getIncident);
		const { items, text } = await run('eu-get', { incidentId: euSandbox.store.incidents[0].id });
		expect(items[0]).toMatchObject({ id: euSandbox.store.incidents[0].id });
		const [tokenRequest] = await eu.requests();
		expect(tokenRequest.body).toMatchObject({
			scope: [`as_account-eu.${DEFAULT_SUBDOMAIN}`, ...presets.readWrite].join(' '),
		});
		const [grant] = await grantsOf(APP.clientId, eu);
		expect(grant.scope).toBe(
			[`as_account-eu.${DEFAULT_SUBDOMAIN}`, ...presets.readWrite].join(' '),
		);
		await expectNoSecrets(text, eu);
	});
});

describe('scoped user token: authorization code with PKCE and the client secret, then refresh', () => {
	let credential: CredentialRef;

	beforeAll(async () => {
		credential = await appCredential('PagerDuty scoped user token (e2e)', {
			grantType: 'authorizationCode',
			scopePreset: 'readOnly',
		});
		await workflow('user-get', credential, getIncident);
	});

	it('"Connect my account": n8n sends PKCE (S256) and the scope, and exchanges the code with verifier and secret', async () => {
		await sandbox.clearRequests();
		const { authorizeUrl, status, text } = await n8n.connectOAuth2(credential.id);
		expect(status).toBe(200);
		expect(text).not.toMatch(/error/i);
		expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
			client_id: APP.clientId,
			response_type: 'code',
			code_challenge_method: 'S256',
			code_challenge: expect.stringMatching(/^[\w-]{43}$/),
			scope: [US_ACCOUNT, ...presets.readOnly].join(' '),
		});
		const exchange = (await sandbox.requests()).find((request) => request.path === '/oauth/token');
		expect(exchange).toMatchObject({ status: 200 });
		expect(exchange?.body).toMatchObject({
			grant_type: 'authorization_code',
			client_id: APP.clientId,
			client_secret: APP.clientSecret,
			code_verifier: expect.any(String),
		});
		const token = (await exportDecryptedCredential(state, credential.id)).oauthTokenData as Json;
		expect(token).toMatchObject({
			scope: [US_ACCOUNT, ...presets.readOnly].join(' '),
			refresh_token: expect.any(String),
		});
	});

	it('runs as the user, and after expiry refreshes with the refresh token and retries', async () => {
		const { items } = await run('user-get', { incidentId });
		expect(items[0]).toMatchObject({ id: incidentId });
		const before = (await exportDecryptedCredential(state, credential.id)).oauthTokenData as Json;
		await sandbox.control('POST', 'oauth/expire', { access_token: before.access_token });
		await sandbox.clearRequests();
		const { items: again, text } = await run('user-get', { incidentId });
		expect(again[0]).toMatchObject({ id: incidentId });
		const requests = await sandbox.requests();
		expect(summary(requests)).toEqual([
			'GET GET /incidents/{id} 401',
			'POST POST /oauth/token 200',
			'GET GET /incidents/{id} 200',
		]);
		expect(requests[1].body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: before.refresh_token,
		});
		const after = (await exportDecryptedCredential(state, credential.id)).oauthTokenData as Json;
		expect(after.refresh_token).not.toBe(before.refresh_token);
		expect(requests[2].headers.authorization).toBe(`Bearer ${after.access_token}`);
		await expectNoSecrets(text);
	});
});

describe("n8n's credential test for an app token credential", () => {
	it('passes for the right app (n8n gets a token first) and fails for a wrong secret', async () => {
		const credential = await appCredential('PagerDuty scoped app, tested (e2e)');
		const test = (data: Json) =>
			n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
				credentials: { id: credential.id, name: 'test', type: SCOPED_OAUTH_CREDENTIAL_TYPE, data },
			});
		expect(await test(appCredentialData())).toMatchObject({ status: 'OK' });
		const failed = await test(appCredentialData({ clientSecret: 'not-the-secret' }));
		expect(failed.status).toBe('Error');
		expect(failed.message).toMatch(/^Failed to acquire OAuth2 access token: /);
		expect(failed.message).not.toContain('not-the-secret');
	});
});

describe('n8n log', () => {
	it('holds no access token and no client secret', async () => {
		await expectNoSecrets(readFileSync(state.logFile, 'utf8'));
	});
});
