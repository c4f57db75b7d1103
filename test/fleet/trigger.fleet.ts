/**
 * The PagerDuty Trigger in queue mode: activated on main, it creates one webhook subscription pointing at the
 * webhook processor; signed deliveries are verified there and run on the workers; forgeries run nothing; repeats
 * of one delivery run once; deactivation deletes the subscription; a subscription PagerDuty refuses fails the
 * activation with a message that says so.
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';

import {
	deliver,
	Execution,
	executionsOf,
	FleetContext,
	fleetContext,
	report,
	waitForExecutions,
	whereRan,
} from './support';
import { CredentialRef } from '../../dev/n8n/n8n-client';
import { API_CREDENTIAL_TYPE } from '../../dev/n8n/workflows';

interface Subscription {
	id: string;
	delivery_method: { url: string };
	events: string[];
}

let fleet: FleetContext;
let credential: CredentialRef;

function triggerWorkflow(name: string, options: Record<string, unknown> = {}) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'PagerDuty Trigger',
				type: 'n8n-nodes-pagerduty.pagerDutyTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					authentication: 'apiToken',
					scope: 'account',
					events: ['incident.triggered', 'incident.resolved'],
					options,
				},
				credentials: { [API_CREDENTIAL_TYPE]: credential },
			},
		],
		connections: {},
	};
}

const subscriptions = async () =>
	(await fleet.sandbox.rest<{ webhook_subscriptions: Subscription[] }>('/webhook_subscriptions'))
		.webhook_subscriptions;

/** The event ids the executions' trigger output carries. */
const eventIdsOf = (executions: Execution[]) =>
	executions.map((execution) => {
		const runs = execution.data?.resultData?.runData?.['PagerDuty Trigger'] ?? [];
		const item = runs[0]?.data?.main?.[0]?.[0] as { json?: { id?: string } } | undefined;
		return item?.json?.id;
	});

/** Activation through the public API; the error message n8n answered, or undefined when it succeeded. */
async function activationError(workflowId: string): Promise<string | undefined> {
	try {
		await fleet.n8n.api('POST', `/workflows/${workflowId}/activate`);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

beforeAll(async () => {
	fleet = fleetContext();
	await fleet.sandbox.control('POST', 'reset');
	credential = await fleet.n8n.createCredential(
		'PagerDuty sandbox (fleet trigger)',
		API_CREDENTIAL_TYPE,
		{
			apiToken: 'sandbox-account-token',
			region: 'custom',
			baseUrl: fleet.state.sandboxUrl,
			defaultFromEmail: 'jane.doe@example.com',
		},
	);
});

describe('the PagerDuty Trigger in queue mode', () => {
	let workflowId: string;
	let subscription: Subscription;
	let executed = 0;

	it('activated on main, creates exactly one subscription, for the webhook processor', async () => {
		workflowId = await fleet.n8n.createActiveWorkflow(triggerWorkflow('fleet trigger'));
		expect((await fleet.n8n.publicationOutcome(workflowId))?.status).toBe('published');
		const all = await subscriptions();
		expect(all).toHaveLength(1);
		subscription = all[0];
		expect(subscription.delivery_method.url).toMatch(
			new RegExp(`^${fleet.state.webhookUrl}/webhook/[0-9a-f-]+/webhook$`),
		);
	});

	it('verifies a signed delivery on the webhook processor and runs it on a worker', async () => {
		const [delivery] = await deliver(fleet.sandbox, { subscription_id: subscription.id });
		expect(delivery.status).toBe(200);
		executed += 1;
		const [execution] = await waitForExecutions(fleet.n8n, workflowId, executed, 30_000, true);
		expect(execution.status).toBe('success');
		expect(eventIdsOf([execution])).toEqual([delivery.event_id]);
		expect(whereRan(fleet.state)(execution.id)).toMatch(/^worker-/);
	});

	it('200 concurrent deliveries (retried on 5xx, as PagerDuty does): 200 executions on the workers, none lost, none twice', async () => {
		const started = Date.now();
		const deliveries = await deliver(fleet.sandbox, {
			subscription_id: subscription.id,
			count: 200,
			retries: 10,
			retry_delay_ms: 3000,
		});
		const answered = Date.now();
		expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(200).fill(200));
		executed += 200;
		const executions = await waitForExecutions(fleet.n8n, workflowId, executed, 120_000, true);
		const finished = Date.now();
		expect(executions).toHaveLength(executed);
		expect(executions.every((execution) => execution.status === 'success')).toBe(true);
		const sent = deliveries.map((delivery) => delivery.event_id).sort();
		const ran = eventIdsOf(executions.slice(0, 200)).sort();
		expect(ran).toEqual(sent);
		const ranOn = whereRan(fleet.state);
		const places = executions.slice(0, 200).map((execution) => ranOn(execution.id));
		expect(places.every((place) => place?.startsWith('worker-'))).toBe(true);
		const retried = deliveries.filter((delivery) => delivery.attempts > 1);
		report(
			`200 concurrent deliveries: all answered 2xx after ${answered - started} ms, all executed after ${finished - started} ms ` +
				`(${places.filter((place) => place === 'worker-1').length} on worker-1, ` +
				`${places.filter((place) => place === 'worker-2').length} on worker-2); lost 0, twice 0; ` +
				`${retried.length} needed a retry (first answers: ${[...new Set(retried.map((delivery) => delivery.first_status))].join(', ') || '-'})`,
		);
	});

	it('refuses forged deliveries with 401 and runs nothing', async () => {
		for (const forge of ['wrongSecret', 'noSignature', 'tamperedBody', 'malformedSignature']) {
			const deliveries = await deliver(fleet.sandbox, {
				subscription_id: subscription.id,
				count: 5,
				forge,
			});
			// A tampered body that is no longer JSON is refused by n8n's body parser (422) before the trigger runs.
			const refused = forge === 'tamperedBody' ? [401, 422] : [401];
			for (const delivery of deliveries) expect(refused).toContain(delivery.status);
		}
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executionsOf(fleet.n8n, workflowId)).toHaveLength(executed);
	});

	it('runs one delivery repeated at the same moment (PagerDuty retrying) once', async () => {
		const copies = 20;
		const deliveries = await deliver(fleet.sandbox, {
			subscription_id: subscription.id,
			count: copies,
			same: true,
		});
		expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(copies).fill(200));
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const executions = await waitForExecutions(fleet.n8n, workflowId, executed + 1, 30_000);
		report(
			`${copies} simultaneous copies of one delivery: ${executions.length - executed} executions`,
		);
		expect(executions.length - executed).toBe(1);
		executed = executions.length;
	});

	it('runs a signed body replayed with new X-Webhook-Ids once (its event id is signed)', async () => {
		const deliveries = await deliver(fleet.sandbox, {
			subscription_id: subscription.id,
			count: 10,
			same: true,
			fresh_ids: true,
		});
		expect(new Set(deliveries.map((delivery) => delivery.webhook_id)).size).toBe(10);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		const executions = await waitForExecutions(fleet.n8n, workflowId, executed + 1, 30_000);
		expect(executions.length - executed).toBe(1);
		executed = executions.length;
	});

	it('deactivation (in the background, like activation) deletes the subscription', async () => {
		await fleet.n8n.api('POST', `/workflows/${workflowId}/deactivate`);
		const deadline = Date.now() + 60_000;
		while ((await subscriptions()).length > 0 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 250));
		expect(await subscriptions()).toEqual([]);
	});
});

describe('activation errors in queue mode', () => {
	afterEach(async () => {
		await fleet.sandbox.control('DELETE', 'faults');
	});

	async function publishRefused(name: string, fault: Record<string, unknown>) {
		const created = await fleet.n8n.api<{ id: string }>('POST', '/workflows', {
			settings: { executionOrder: 'v1' },
			...triggerWorkflow(name),
		});
		await fleet.sandbox.control('POST', 'faults', fault);
		const answered = await activationError(created.id);
		const outcome = await fleet.n8n.publicationOutcome(created.id);
		if (!outcome) throw new Error('the fleet runs n8n 2.x, which records publication outcomes');
		const workflow = await fleet.n8n.api<{ active: boolean }>('GET', `/workflows/${created.id}`);
		report(
			`${name}: activate answered ${answered ?? 'OK'}; publication ${outcome.status}: ` +
				`${outcome.triggers.map((trigger) => trigger.errorMessage).join('; ')}; active=${workflow.active}`,
		);
		return { answered, outcome, workflow };
	}

	// n8n tries a trigger's activation 5 times (1, 2, 4, 8 s apart) before it gives up: 5 refusals in a row.
	it.each([
		[
			'a subscription list answered 404',
			'GET /webhook_subscriptions',
			404,
			/^PagerDuty Trigger could not list the webhook subscriptions: PagerDuty 404/,
		],
		[
			'a subscription PagerDuty refuses to create',
			'POST /webhook_subscriptions',
			403,
			/^PagerDuty Trigger could not create the webhook subscription: PagerDuty 403/,
		],
	])(
		"%s: the publication fails with the trigger's message, and no subscription is left",
		async (name, operation, status, message) => {
			const before = (await subscriptions()).length;
			const { outcome } = await publishRefused(`fleet trigger: ${name}`, {
				status,
				operation,
				count: 5,
			});
			expect(outcome.status).toBe('failed');
			expect(outcome.triggers[0].errorMessage).toMatch(message);
			expect(await subscriptions()).toHaveLength(before);
		},
	);

	it("a refusal PagerDuty takes back within n8n's retries: the trigger is published after all", async () => {
		const { outcome } = await publishRefused('fleet trigger: create 403 once', {
			status: 403,
			operation: 'POST /webhook_subscriptions',
			count: 1,
		});
		expect(outcome.status).toBe('published');
		expect(await subscriptions()).toHaveLength(1);
	});

	it("a subscription PagerDuty refuses to delete on deactivation: main's log says so; the next activation takes it over", async () => {
		const workflowId = await fleet.n8n.createActiveWorkflow(
			triggerWorkflow('fleet trigger: delete refused'),
		);
		expect((await fleet.n8n.publicationOutcome(workflowId))?.status).toBe('published');
		const before = await subscriptions();
		// n8n tries a trigger's teardown 3 times.
		await fleet.sandbox.control('POST', 'faults', {
			status: 400,
			operation: 'DELETE /webhook_subscriptions/{id}',
			count: 3,
		});
		await fleet.n8n.api('POST', `/workflows/${workflowId}/deactivate`);
		const mainLog = fleet.state.members.find((member) => member.role === 'main')!.logFile;
		const expected =
			/External webhook deregistration failed for: "PagerDuty Trigger": PagerDuty Trigger could not delete the webhook subscription: PagerDuty 400/;
		const deadline = Date.now() + 60_000;
		while (!expected.test(readFileSync(mainLog, 'utf8')) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 500));
		expect(readFileSync(mainLog, 'utf8')).toMatch(expected);
		expect(await subscriptions()).toEqual(before);

		await fleet.n8n.api('POST', `/workflows/${workflowId}/activate`);
		expect((await fleet.n8n.publicationOutcome(workflowId))?.status).toBe('published');
		expect(await subscriptions()).toEqual(before);
	});
});
