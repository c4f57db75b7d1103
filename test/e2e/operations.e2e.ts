/**
 * Each drop-in operation, executed by the real n8n (webhook-triggered workflows) with the API-token credential
 * against the sandbox (Custom Base URL). Checks n8n's output and what reached the sandbox.
 */
import { randomUUID } from 'crypto';

import { CredentialRef, N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient, SandboxRequest } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE, pagerDutyNode, webhookWorkflow } from '../../dev/n8n/workflows';

const FROM = 'jane.doe@example.com';
const TOKEN = 'sandbox-account-token';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let credential: CredentialRef;
let serviceId: string;
let incidentId: string;
const paths: Record<string, string> = {};

type Json = Record<string, unknown>;

async function run(operation: string, body: Json = {}): Promise<Json[]> {
	const result = await n8n.webhook(paths[operation], body);
	if (result.status !== 200)
		throw new Error(`${operation}: webhook answered ${result.status}: ${result.text}`);
	return result.json as Json[];
}

async function lastRequest(): Promise<SandboxRequest> {
	const requests = await sandbox.requests();
	return requests[requests.length - 1];
}

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	const services = await sandbox.rest<{ services: Array<{ id: string }> }>('/services');
	serviceId = services.services[0].id;
	credential = await n8n.createCredential('PagerDuty sandbox (API token)', API_CREDENTIAL_TYPE, {
		apiToken: TOKEN,
		region: 'custom',
		baseUrl: state.sandboxUrl,
		defaultFromEmail: '',
	});
	const auth = { apiToken: credential };
	const specs: Record<string, Json> = {
		'incident.create': {
			resource: 'incident',
			operation: 'create',
			title: '={{ $json.body.title }}',
			serviceId: '={{ $json.body.serviceId }}',
			email: FROM,
			additionalFields: { urgency: 'low', details: 'Created by the e2e test through n8n' },
		},
		'incident.get': {
			resource: 'incident',
			operation: 'get',
			incidentId: '={{ $json.body.incidentId }}',
		},
		'incident.getAll': {
			resource: 'incident',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			options: {},
		},
		'incident.getAllReturnAll': {
			resource: 'incident',
			operation: 'getAll',
			returnAll: true,
			options: {},
		},
		'incident.update': {
			resource: 'incident',
			operation: 'update',
			incidentId: '={{ $json.body.incidentId }}',
			email: FROM,
			updateFields: { status: 'acknowledged', title: '={{ $json.body.title }}' },
		},
		'incidentNote.create': {
			resource: 'incidentNote',
			operation: 'create',
			incidentId: '={{ $json.body.incidentId }}',
			content: '={{ $json.body.content }}',
			email: FROM,
		},
		'incidentNote.getAll': {
			resource: 'incidentNote',
			operation: 'getAll',
			incidentId: '={{ $json.body.incidentId }}',
			returnAll: true,
		},
		'logEntry.getAll': {
			resource: 'logEntry',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			options: {},
		},
		'logEntry.get': {
			resource: 'logEntry',
			operation: 'get',
			logEntryId: '={{ $json.body.logEntryId }}',
		},
		'user.get': { resource: 'user', operation: 'get', userId: '={{ $json.body.userId }}' },
	};
	for (const [operation, parameters] of Object.entries(specs)) {
		paths[operation] =
			`pd-op-${operation.replace('.', '-').toLowerCase()}-${randomUUID().slice(0, 8)}`;
		await n8n.createActiveWorkflow(
			webhookWorkflow(
				`e2e ${operation} (API token)`,
				paths[operation],
				pagerDutyNode(auth, parameters),
			),
		);
	}
});

describe('drop-in operations with the API-token credential in real n8n', () => {
	it('incident → create sends From and the service, returns the incident', async () => {
		const [incident] = await run('incident.create', { title: 'e2e: checkout is down', serviceId });
		expect(incident).toMatchObject({
			type: 'incident',
			title: 'e2e: checkout is down',
			urgency: 'low',
		});
		expect((incident.service as Json).id).toBe(serviceId);
		incidentId = String(incident.id);
		const request = await lastRequest();
		expect(request).toMatchObject({ method: 'POST', path: '/incidents', status: 201 });
		expect(request.headers.authorization).toBe(`Token token=${TOKEN}`);
		expect(request.headers.from).toBe(FROM);
	});

	it('incident → get returns that incident', async () => {
		const [incident] = await run('incident.get', { incidentId });
		expect(incident).toMatchObject({ id: incidentId, title: 'e2e: checkout is down' });
		expect(await lastRequest()).toMatchObject({
			method: 'GET',
			path: `/incidents/${incidentId}`,
			status: 200,
		});
	});

	it('incident → get many with a limit returns that many items', async () => {
		const incidents = await run('incident.getAll');
		expect(incidents).toHaveLength(5);
		for (const incident of incidents) expect(incident.type).toBe('incident');
	});

	it('incident → get many with Return All reads every page', async () => {
		await sandbox.clearRequests();
		const incidents = await run('incident.getAllReturnAll');
		const listed = (await sandbox.requests()).filter((request) => request.path === '/incidents');
		expect(incidents.length).toBeGreaterThan(5);
		expect(new Set(incidents.map((incident) => incident.id)).size).toBe(incidents.length);
		expect(listed.every((request) => request.status === 200)).toBe(true);
	});

	it('incident → update acknowledges and renames it', async () => {
		const [incident] = await run('incident.update', {
			incidentId,
			title: 'e2e: checkout is down (ack)',
		});
		expect(incident).toMatchObject({
			id: incidentId,
			status: 'acknowledged',
			title: 'e2e: checkout is down (ack)',
		});
		const request = await lastRequest();
		expect(request).toMatchObject({ method: 'PUT', path: `/incidents/${incidentId}`, status: 200 });
		expect(request.headers.from).toBe(FROM);
	});

	it('incident note → create returns the note', async () => {
		const [note] = await run('incidentNote.create', {
			incidentId,
			content: 'Rolled back the release.',
		});
		expect(note).toMatchObject({ content: 'Rolled back the release.' });
		expect(note.id).toEqual(expect.any(String));
		expect(await lastRequest()).toMatchObject({
			method: 'POST',
			path: `/incidents/${incidentId}/notes`,
			status: 201,
		});
	});

	it('incident note → get many lists it', async () => {
		const notes = await run('incidentNote.getAll', { incidentId });
		expect(notes.map((note) => note.content)).toContain('Rolled back the release.');
	});

	it('log entry → get many and get', async () => {
		const entries = await run('logEntry.getAll');
		expect(entries).toHaveLength(3);
		const [entry] = await run('logEntry.get', { logEntryId: entries[0].id });
		expect(entry).toMatchObject({ id: entries[0].id, type: entries[0].type });
		expect(await lastRequest()).toMatchObject({
			method: 'GET',
			path: `/log_entries/${String(entries[0].id)}`,
		});
	});

	it('user → get returns the user', async () => {
		const users = await sandbox.rest<{ users: Array<{ id: string; email: string }> }>('/users');
		const [user] = await run('user.get', { userId: users.users[0].id });
		expect(user).toMatchObject({
			id: users.users[0].id,
			email: users.users[0].email,
			type: 'user',
		});
	});

	it('every request n8n sent carried the token and PagerDuty media type, and passed the contract', async () => {
		const requests = (await sandbox.requests()).filter(
			(request) => !request.path.startsWith('/oauth'),
		);
		expect(requests.length).toBeGreaterThan(0);
		for (const request of requests) {
			expect(request.headers.authorization).toBe(`Token token=${TOKEN}`);
			expect(request.headers.accept).toContain('application/vnd.pagerduty+json;version=2');
			expect(request.status).toBeLessThan(400);
		}
	});
});
