/**
 * In real n8n: the Events API credential (one Event → Trigger), and the PagerDuty Trigger's webhook lifecycle:
 * activation creates a subscription pointing at n8n, the sandbox's signed delivery starts the workflow, an unsigned
 * one is refused, deactivation deletes the subscription.
 */
import { randomUUID } from 'crypto';

import { eventually } from './eventually';
import { CredentialRef, N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import {
	API_CREDENTIAL_TYPE,
	EVENTS_CREDENTIAL_TYPE,
	pagerDutyNode,
	triggerWorkflow,
	webhookWorkflow,
} from '../../dev/n8n/workflows';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';

type Json = Record<string, unknown>;
const TOKEN = 'sandbox-account-token';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let apiToken: CredentialRef;
let events: CredentialRef;

interface Subscription {
	id: string;
	delivery_method: { url: string };
	events: string[];
}

const subscriptions = async (): Promise<Subscription[]> =>
	(await sandbox.rest<{ webhook_subscriptions: Subscription[] }>('/webhook_subscriptions'))
		.webhook_subscriptions;

/** The workflow's finished executions, newest first, once there are `count` (within `waitMs`). */
const finishedExecutions = async (workflowId: string, count: number, waitMs?: number) =>
	await eventually(
		`${count} finished executions`,
		async () => {
			const finished = (await n8n.executions(workflowId)).filter(
				(execution) => execution.stoppedAt !== null,
			);
			return finished.length >= count ? finished : undefined;
		},
		waitMs,
	);

/** The subscriptions once `accept` holds (n8n 2.x (un)registers triggers shortly after (de)activation returns). */
const subscriptionsOnce = async (accept: (list: Subscription[]) => boolean) =>
	await eventually('expected webhook subscriptions', async () => {
		const list = await subscriptions();
		return accept(list) ? list : undefined;
	});

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	const region = { region: 'custom', baseUrl: state.sandboxUrl };
	apiToken = await n8n.createCredential('PagerDuty sandbox (trigger)', API_CREDENTIAL_TYPE, {
		apiToken: TOKEN,
		...region,
	});
	events = await n8n.createCredential('PagerDuty sandbox (Events)', EVENTS_CREDENTIAL_TYPE, {
		routingKeySecret: DEFAULT_ROUTING_KEY,
		...region,
	});
});

describe('Events API v2 credential', () => {
	it("Event → Trigger sends the alert with the routing key and returns PagerDuty's answer", async () => {
		const path = `pd-event-${randomUUID().slice(0, 8)}`;
		await n8n.createActiveWorkflow(
			webhookWorkflow(
				'e2e Events trigger',
				path,
				pagerDutyNode(
					{ events },
					{
						resource: 'event',
						operation: 'trigger',
						summary: '={{ $json.body.summary }}',
						source: 'db-01.example.com',
						severity: 'critical',
						dedupKey: 'e2e-disk-db-01',
					},
				),
			),
		);
		await sandbox.clearRequests();
		const result = await n8n.webhook(path, { summary: 'Disk usage above 90% on db-01' });
		expect(result.status).toBe(200);
		expect(result.json).toEqual([
			{ status: 'success', message: 'Event processed', dedup_key: 'e2e-disk-db-01' },
		]);
		const [request] = await sandbox.requests();
		expect(request).toMatchObject({ method: 'POST', path: '/v2/enqueue', status: 202 });
		expect(request.body).toMatchObject({
			routing_key: DEFAULT_ROUTING_KEY,
			event_action: 'trigger',
			payload: { summary: 'Disk usage above 90% on db-01', severity: 'critical' },
		});
		expect(request.headers.authorization).toBeUndefined();
	});
});

describe('PagerDuty Trigger webhook lifecycle', () => {
	let workflowId: string;
	let webhookPath: string;
	let subscription: Subscription;

	it('activation creates a webhook subscription that delivers to n8n', async () => {
		const { workflow, webhookId } = triggerWorkflow(
			'e2e PagerDuty Trigger',
			{ apiToken },
			{
				scope: 'account',
				events: ['incident.triggered', 'incident.resolved'],
				options: { runOnPing: true },
			},
		);
		webhookPath = `${webhookId}/webhook`;
		expect(await subscriptions()).toEqual([]);
		workflowId = await n8n.createActiveWorkflow(workflow);
		// n8n 2.x publishes in the background: deliveries before that would meet no registered webhook.
		expect((await n8n.publicationOutcome(workflowId))?.status ?? 'published').toBe('published');
		[subscription] = await subscriptionsOnce((list) => list.length > 0);
		expect(subscription.delivery_method.url).toBe(`${state.n8nUrl}/webhook/${webhookPath}`);
		expect(subscription.events.slice().sort()).toEqual(['incident.resolved', 'incident.triggered']);
	});

	it("a delivery signed with the subscription's secret starts the workflow", async () => {
		// PagerDuty's "Send Test Event": the sandbox POSTs a signed pagey.ping to the subscription's URL.
		await sandbox.rest(`/webhook_subscriptions/${subscription.id}/ping`, TOKEN, 'POST');
		const [execution] = await finishedExecutions(workflowId, 1);
		expect(execution?.status).toBe('success');
		const full = await n8n.api<{
			data: { resultData: { runData: Record<string, Array<{ data: { main: Json[][] } }>> } };
		}>('GET', `/executions/${execution.id}?includeData=true`);
		const [item] = full.data.resultData.runData['PagerDuty Trigger'][0].data.main[0];
		expect(item.json).toMatchObject({ event_type: 'pagey.ping', resource_type: 'pagey' });
	});

	it('an unsigned delivery is refused with 401 and starts nothing', async () => {
		const forged = await n8n.webhook(webhookPath, {
			event: { id: 'forged', event_type: 'incident.triggered', data: {} },
		});
		expect(forged.status).toBe(401);
		// An execution would have started with the delivery; give it 2 s to show up.
		await expect(finishedExecutions(workflowId, 2, 2000)).rejects.toThrow(/no 2 finished/);
	});

	it('deactivation deletes the subscription', async () => {
		await sandbox.clearRequests();
		await n8n.deactivateWorkflow(workflowId);
		expect(await subscriptionsOnce((list) => list.length === 0)).toEqual([]);
		const requests = await sandbox.requests();
		expect(
			requests.some(
				(request) =>
					request.method === 'DELETE' &&
					request.path === `/webhook_subscriptions/${subscription.id}` &&
					request.status === 204,
			),
		).toBe(true);
	});
});
