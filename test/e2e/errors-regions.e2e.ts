/**
 * In real n8n: "continue on fail" items, the EU region's host name, and n8n's credential test (the "Test" button).
 *
 * EU: the credential says region "eu", so n8n calls https://api.eu.pagerduty.com. Global setup started n8n with
 * HTTPS_PROXY pointing at a loopback proxy that terminates TLS for that one host name (certificate trusted via
 * NODE_EXTRA_CA_CERTS) and forwards to the sandbox; see lib/eu-proxy.ts. Nothing leaves the machine.
 */
import { randomUUID } from 'crypto';

import { CredentialRef, N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE, pagerDutyNode, webhookWorkflow } from '../../dev/n8n/workflows';

type Json = Record<string, unknown>;
const TOKEN = 'sandbox-account-token';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let custom: CredentialRef;
let eu: CredentialRef;
let incidentIds: string[];

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	custom = await n8n.createCredential('PagerDuty sandbox (errors test)', API_CREDENTIAL_TYPE, {
		apiToken: TOKEN,
		region: 'custom',
		baseUrl: state.sandboxUrl,
	});
	eu = await n8n.createCredential('PagerDuty EU (via the loopback proxy)', API_CREDENTIAL_TYPE, {
		apiToken: TOKEN,
		region: 'eu',
		defaultFromEmail: 'jane.doe@example.com',
	});
	const incidents = await sandbox.rest<{ incidents: Array<{ id: string }> }>('/incidents?limit=2');
	incidentIds = incidents.incidents.map((incident) => incident.id);
});

describe('continue on fail', () => {
	it('turns the failing item into an error item beside the good ones, each paired with its input', async () => {
		const path = `pd-continue-${randomUUID().slice(0, 8)}`;
		const node = pagerDutyNode(
			{ apiToken: custom },
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.id }}' },
			{ onError: 'continueRegularOutput' },
		);
		const workflowId = await n8n.createActiveWorkflow(
			webhookWorkflow('e2e continue on fail', path, node, { splitItems: true }),
		);
		const result = await n8n.webhook(path, {
			items: [{ id: incidentIds[0] }, { id: 'PNOSUCH1' }, { id: incidentIds[1] }],
		});
		expect(result.status).toBe(200);
		const items = result.json as Json[];
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ id: incidentIds[0], type: 'incident' });
		expect(items[1].error).toEqual(expect.any(String));
		expect(String(items[1].error)).toMatch(/not found|404/i);
		expect(items[2]).toMatchObject({ id: incidentIds[1], type: 'incident' });

		// The execution n8n stored pairs every output item with its input item.
		const executions = await n8n.api<{ data: Array<{ id: string }> }>(
			'GET',
			`/executions?workflowId=${workflowId}&includeData=false`,
		);
		const execution = await n8n.api<{
			status: string;
			data: {
				resultData: { runData: Record<string, Array<{ data: { main: Array<Array<Json>> } }>> };
			};
		}>('GET', `/executions/${executions.data[0].id}?includeData=true`);
		expect(execution.status).toBe('success');
		const output = execution.data.resultData.runData.PagerDuty[0].data.main[0];
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('EU region', () => {
	it('sends the request to https://api.eu.pagerduty.com', async () => {
		const path = `pd-eu-${randomUUID().slice(0, 8)}`;
		await n8n.createActiveWorkflow(
			webhookWorkflow(
				'e2e EU region',
				path,
				pagerDutyNode(
					{ apiToken: eu },
					{ resource: 'incident', operation: 'getAll', returnAll: false, limit: 2, options: {} },
				),
			),
		);
		await sandbox.clearRequests();
		const result = await n8n.webhook(path);
		expect(result.status).toBe(200);
		expect(result.json).toHaveLength(2);
		const [request] = await sandbox.requests();
		expect(request).toMatchObject({ method: 'GET', path: '/incidents', status: 200 });
		expect(request.headers.host).toBe('api.eu.pagerduty.com');
		expect(request.headers.authorization).toBe(`Token token=${TOKEN}`);
	});
});

describe("n8n's credential test (the Test button, POST /rest/credentials/test)", () => {
	// n8n 2.41 wants the id of a saved credential; the data sent wins over the stored data.
	const test = (id: string, data: Json): Promise<{ status: string; message: string }> =>
		n8n.rest('POST', '/credentials/test', {
			credentials: { id, name: 'test', type: API_CREDENTIAL_TYPE, data },
		});

	it('succeeds for a valid token against the sandbox (GET /abilities)', async () => {
		await sandbox.clearRequests();
		const result = await test(custom.id, {
			apiToken: TOKEN,
			region: 'custom',
			baseUrl: state.sandboxUrl,
		});
		expect(result.status).toBe('OK');
		const [request] = await sandbox.requests();
		expect(request).toMatchObject({ method: 'GET', path: '/abilities', status: 200 });
		expect(request.headers.authorization).toBe(`Token token=${TOKEN}`);
	});

	it('fails with a message for a wrong token', async () => {
		const result = await test(custom.id, {
			apiToken: 'not-a-valid-token',
			region: 'custom',
			baseUrl: state.sandboxUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toEqual(expect.any(String));
	});

	it('tests the EU host for region "eu"', async () => {
		await sandbox.clearRequests();
		const result = await test(eu.id, { apiToken: TOKEN, region: 'eu' });
		expect(result.status).toBe('OK');
		const [request] = await sandbox.requests();
		expect(request.headers.host).toBe('api.eu.pagerduty.com');
		expect(request.path).toBe('/abilities');
	});
});
