/**
 * The OAuth2 credential in real n8n: create → get → update → note, with the access token expired by the sandbox
 * in between. n8n gets 401, refreshes at the sandbox's /oauth/token (the credential's hidden token URL is an
 * expression over Custom Base URL), retries, and stores the new tokens.
 */
import { randomUUID } from 'crypto';

import { exportDecryptedCredential } from '../../dev/n8n/n8n-cli';
import { CredentialRef, N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import { OAUTH_CREDENTIAL_TYPE, pagerDutyNode, webhookWorkflow } from '../../dev/n8n/workflows';

type Json = Record<string, unknown>;
interface TokenResponse {
	access_token: string;
	refresh_token: string;
	token_type: string;
	expires_in: number;
	scope: string;
}

const CLIENT_ID = 'sandbox-client-id';
const CLIENT_SECRET = 'sandbox-client-secret';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let credential: CredentialRef;
let initial: TokenResponse;
let incidentId: string;
const paths: Record<string, string> = {};

async function run(operation: string, body: Json = {}): Promise<Json[]> {
	const result = await n8n.webhook(paths[operation], body);
	if (result.status !== 200)
		throw new Error(`${operation}: webhook answered ${result.status}: ${result.text}`);
	return result.json as Json[];
}

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	// A token pair the sandbox's OAuth server issued, as if the user had clicked "Connect".
	initial = await sandbox.control<TokenResponse>('POST', 'oauth/token', {
		client_id: CLIENT_ID,
		scope: 'write',
	});
	credential = await n8n.createCredential('PagerDuty sandbox (OAuth2)', OAUTH_CREDENTIAL_TYPE, {
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		region: 'custom',
		baseUrl: state.sandboxUrl,
		accessLevel: 'write',
		oauthTokenData: initial,
	});
	const services = await sandbox.rest<{ services: Array<{ id: string }> }>('/services');
	const auth = { oAuth2: credential };
	const specs: Record<string, Json> = {
		create: {
			resource: 'incident',
			operation: 'create',
			title: '={{ $json.body.title }}',
			serviceId: services.services[0].id,
			email: '',
			additionalFields: {},
		},
		get: { resource: 'incident', operation: 'get', incidentId: '={{ $json.body.incidentId }}' },
		update: {
			resource: 'incident',
			operation: 'update',
			incidentId: '={{ $json.body.incidentId }}',
			email: '',
			updateFields: { status: 'resolved', resolution: 'Fixed by the OAuth2 e2e test' },
		},
		note: {
			resource: 'incidentNote',
			operation: 'create',
			incidentId: '={{ $json.body.incidentId }}',
			content: 'Added with a refreshed OAuth2 token.',
			email: '',
		},
	};
	for (const [operation, parameters] of Object.entries(specs)) {
		paths[operation] = `pd-oauth-${operation}-${randomUUID().slice(0, 8)}`;
		await n8n.createActiveWorkflow(
			webhookWorkflow(`e2e OAuth2 ${operation}`, paths[operation], pagerDutyNode(auth, parameters)),
		);
	}
});

describe('OAuth2 credential in real n8n, with token refresh', () => {
	it('creates an incident with the issued access token (Bearer, no From needed)', async () => {
		await sandbox.clearRequests();
		const [incident] = await run('create', { title: 'e2e: OAuth2 incident' });
		expect(incident).toMatchObject({ type: 'incident', title: 'e2e: OAuth2 incident' });
		incidentId = String(incident.id);
		const [request] = await sandbox.requests();
		expect(request).toMatchObject({ method: 'POST', path: '/incidents', status: 201 });
		expect(request.headers.authorization).toBe(`Bearer ${initial.access_token}`);
	});

	it('after the sandbox expires the token: 401 → refresh at <Base URL>/oauth/token → retry succeeds', async () => {
		await sandbox.control('POST', 'oauth/expire', { access_token: initial.access_token });
		await sandbox.clearRequests();
		const [incident] = await run('get', { incidentId });
		expect(incident).toMatchObject({ id: incidentId });

		const requests = await sandbox.requests();
		// n8n 1.x hands the 401 back instead of refreshing (it reads ignoreHttpStatusErrors as a plain boolean),
		// so the node sends it once more with status errors on (nodes/shared/hostCompat.ts); 2.x refreshes at once.
		const expired = `GET /incidents/${incidentId} 401`;
		const rejected = state.n8nVersion.startsWith('1.') ? [expired, expired] : [expired];
		expect(
			requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([...rejected, 'POST /oauth/token 200', `GET /incidents/${incidentId} 200`]);
		expect(requests[0].headers.authorization).toBe(`Bearer ${initial.access_token}`);
		const [refresh, retried] = requests.slice(rejected.length);
		expect(refresh.body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: initial.refresh_token,
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
		});
		expect(retried.headers.authorization).toMatch(/^Bearer /);
		expect(retried.headers.authorization).not.toBe(`Bearer ${initial.access_token}`);
	});

	it('keeps using the refreshed token: update and note need no further refresh', async () => {
		await sandbox.clearRequests();
		const [updated] = await run('update', { incidentId });
		expect(updated).toMatchObject({ id: incidentId, status: 'resolved' });
		const [note] = await run('note', { incidentId });
		expect(note).toMatchObject({ content: 'Added with a refreshed OAuth2 token.' });
		const requests = await sandbox.requests();
		expect(
			requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([`PUT /incidents/${incidentId} 200`, `POST /incidents/${incidentId}/notes 201`]);
	});

	it('stored the refreshed tokens in the credential', async () => {
		const requests = await sandbox.requests();
		const usedToken = String(requests[0].headers.authorization).replace(/^Bearer /, '');
		const data = await exportDecryptedCredential(state, credential.id);
		const tokens = data.oauthTokenData as Json;
		expect(tokens.access_token).toBe(usedToken);
		expect(tokens.access_token).not.toBe(initial.access_token);
		expect(tokens.refresh_token).not.toBe(initial.refresh_token);
	});
});
