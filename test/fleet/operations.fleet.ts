/**
 * The PagerDuty node in queue mode: webhooks reach the webhook processor, the executions run on the workers (never
 * on main), with the API token and with OAuth2, and an OAuth2 token refreshed on one worker is what the other
 * worker uses next.
 */
import { randomUUID } from 'crypto';

import { executionsOf, FleetContext, fleetContext, whereRan } from './support';
import { CredentialRef } from '../../dev/n8n/n8n-client';
import {
	API_CREDENTIAL_TYPE,
	Auth,
	OAUTH_CREDENTIAL_TYPE,
	pagerDutyNode,
	webhookWorkflow,
} from '../../dev/n8n/workflows';
import { DEFAULT_OAUTH_CLIENT } from '../../dev/sandbox/server';

type Json = Record<string, unknown>;

let fleet: FleetContext;
let incidentIds: string[];
let apiToken: CredentialRef;
let oAuth2: CredentialRef;
let accessToken: string;

async function activeWebhookWorkflow(
	name: string,
	pagerDuty: Record<string, unknown>,
): Promise<{ id: string; path: string }> {
	const path = `fleet-${name}-${randomUUID().slice(0, 8)}`;
	const id = await fleet.n8n.createActiveWorkflow(
		webhookWorkflow(`fleet ${name}`, path, pagerDuty),
	);
	return { id, path };
}

/** PagerDuty → Incident → Get, for the incident ID the webhook call names. */
const getIncident = (auth: Auth) =>
	pagerDutyNode(auth, {
		resource: 'incident',
		operation: 'get',
		incidentId: '={{ $json.body.incidentId }}',
	});

/** Sends `count` webhook calls at once; each must answer 200 with the incident it asked for. */
async function runConcurrently(path: string, count: number): Promise<void> {
	const results = await Promise.all(
		Array.from({ length: count }, (_, index) =>
			fleet.n8n.webhook(path, { incidentId: incidentIds[index % incidentIds.length] }),
		),
	);
	for (const [index, result] of results.entries()) {
		expect(result.status).toBe(200);
		expect((result.json as Json[])[0]).toMatchObject({
			id: incidentIds[index % incidentIds.length],
		});
	}
}

beforeAll(async () => {
	fleet = fleetContext();
	await fleet.sandbox.control('POST', 'reset');
	const incidents = await fleet.sandbox.rest<{ incidents: Array<{ id: string }> }>(
		'/incidents?limit=10',
	);
	incidentIds = incidents.incidents.map((incident) => incident.id);
	apiToken = await fleet.n8n.createCredential(
		'PagerDuty sandbox (fleet token)',
		API_CREDENTIAL_TYPE,
		{
			apiToken: 'sandbox-account-token',
			region: 'custom',
			baseUrl: fleet.state.sandboxUrl,
			defaultFromEmail: 'jane.doe@example.com',
		},
	);
	const tokens = await fleet.sandbox.control<Json>('POST', 'oauth/token', {
		client_id: DEFAULT_OAUTH_CLIENT.clientId,
		scope: 'write',
	});
	accessToken = String(tokens.access_token);
	oAuth2 = await fleet.n8n.createCredential(
		'PagerDuty sandbox (fleet OAuth2)',
		OAUTH_CREDENTIAL_TYPE,
		{
			clientId: DEFAULT_OAUTH_CLIENT.clientId,
			clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
			region: 'custom',
			baseUrl: fleet.state.sandboxUrl,
			accessLevel: 'write',
			oauthTokenData: tokens,
		},
	);
});

describe('the PagerDuty node in queue mode', () => {
	it('runs API-token executions on the workers, both of them, never on main', async () => {
		const workflow = await activeWebhookWorkflow('token-get', getIncident({ apiToken }));
		await runConcurrently(workflow.path, 30);
		const executions = await executionsOf(fleet.n8n, workflow.id);
		expect(executions).toHaveLength(30);
		expect(executions.every((execution) => execution.status === 'success')).toBe(true);
		const ranOn = whereRan(fleet.state);
		const places = executions.map((execution) => ranOn(execution.id));
		expect(places.every((place) => place?.startsWith('worker-'))).toBe(true);
		expect(new Set(places)).toEqual(new Set(['worker-1', 'worker-2']));
	});

	it('refreshes an expired OAuth2 token on one worker; the other worker then uses the refreshed token', async () => {
		const workflow = await activeWebhookWorkflow('oauth-get', getIncident({ oAuth2 }));
		await fleet.sandbox.control('POST', 'oauth/expire', { access_token: accessToken });
		await fleet.sandbox.clearRequests();

		// One execution meets the expired token: 401, refresh, retry.
		await runConcurrently(workflow.path, 1);
		const [first] = await executionsOf(fleet.n8n, workflow.id);
		const ranOn = whereRan(fleet.state);
		const refresher = ranOn(first.id);
		expect(refresher).toMatch(/^worker-/);
		const afterRefresh = await fleet.sandbox.requests();
		expect(
			afterRefresh.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([
			`GET /incidents/${incidentIds[0]} 401`,
			'POST /oauth/token 200',
			`GET /incidents/${incidentIds[0]} 200`,
		]);
		const refreshed = afterRefresh[2].headers.authorization;
		expect(refreshed).not.toBe(`Bearer ${accessToken}`);

		// Then executions until the other worker has run some: none of them refreshes again.
		let other: string[] = [];
		for (let round = 0; round < 10 && other.length === 0; round++) {
			await runConcurrently(workflow.path, 10);
			const placesNow = whereRan(fleet.state);
			other = (await executionsOf(fleet.n8n, workflow.id))
				.map((execution) => placesNow(execution.id))
				.filter((place): place is string => place !== undefined && place !== refresher);
		}
		expect(other.length).toBeGreaterThan(0);
		const later = (await fleet.sandbox.requests()).slice(3);
		expect(later.length).toBeGreaterThanOrEqual(10);
		expect(later.every((request) => request.status === 200)).toBe(true);
		expect(later.every((request) => request.headers.authorization === refreshed)).toBe(true);
	});

	it('updates an incident with OAuth2 on a worker (a write through the queue)', async () => {
		const workflow = await activeWebhookWorkflow(
			'oauth-update',
			pagerDutyNode(
				{ oAuth2 },
				{
					resource: 'incident',
					operation: 'update',
					incidentId: '={{ $json.body.incidentId }}',
					email: '',
					updateFields: { status: 'acknowledged' },
				},
			),
		);
		const triggered = await fleet.sandbox.rest<{ incidents: Array<{ id: string }> }>(
			'/incidents?statuses[]=triggered&limit=1',
		);
		const incidentId = triggered.incidents[0].id;
		const result = await fleet.n8n.webhook(workflow.path, { incidentId });
		expect(result.status).toBe(200);
		expect((result.json as Json[])[0]).toMatchObject({ id: incidentId, status: 'acknowledged' });
		const [execution] = await executionsOf(fleet.n8n, workflow.id);
		expect(whereRan(fleet.state)(execution.id)).toMatch(/^worker-/);
	});
});
