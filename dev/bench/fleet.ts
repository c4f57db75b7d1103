// `npm run bench:fleet`: the package in n8n's queue mode (dev/fleet: Postgres, Redis, main, 2 workers, a webhook
// processor) against the sandbox, next to one regular n8n process with the same workflow.
//  1. Throughput: webhook (answering at once) → PagerDuty get → PagerDuty update, BENCH_FLEET_CALLS calls (300),
//     BENCH_FLEET_PARALLEL at once (20); executions per second from the first call until every execution has
//     finished, through the fleet vs the single process.
//  2. Rate limit: 10 executions at once on the two workers, all with one token, 150 items each (one GET per item),
//     PagerDuty's 960/min enforced: items lost, requests, 429s, wall time vs the floor the limit sets.
// Settings: BENCH_LATENCY_MS (50, sandbox answer delay), BENCH_ONLY ("1" or "2").
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';

import { executionsRunBy } from '../fleet/fleet';
import { startFleetStack } from '../fleet/stack';
import { CredentialRef, N8nClient, WorkflowJson } from '../n8n/n8n-client';
import { ensureN8nHost, installPackedPackage } from '../n8n/n8n-host';
import { freePort, startN8n } from '../n8n/n8n-process';
import { ARTIFACTS_DIR } from '../n8n/paths';
import { API_CREDENTIAL_TYPE, pagerDutyNode, webhookWorkflow } from '../n8n/workflows';
import { DEFAULT_ACCOUNT_TOKEN, PagerDutySandbox, startSandbox } from '../sandbox/server';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CALLS = Number(process.env.BENCH_FLEET_CALLS ?? 300);
const PARALLEL = Number(process.env.BENCH_FLEET_PARALLEL ?? 20);
const ONLY = process.env.BENCH_ONLY?.split(',').map((scenario) => scenario.trim());
const RATE_EXECUTIONS = 10;
const RATE_ITEMS = 150;

const say = (line: string): void => {
	process.stdout.write(`${line}\n`);
};

async function credentialFor(n8n: N8nClient, sandbox: PagerDutySandbox): Promise<CredentialRef> {
	return await n8n.createCredential('PagerDuty sandbox (bench)', API_CREDENTIAL_TYPE, {
		apiToken: DEFAULT_ACCOUNT_TOKEN,
		region: 'custom',
		baseUrl: sandbox.url,
		defaultFromEmail: 'jane.doe@example.com',
	});
}

/** Webhook (answers at once) → PagerDuty (get incident) → PagerDuty (update its title). */
function getThenUpdate(path: string, credential: CredentialRef): WorkflowJson {
	const workflow = webhookWorkflow(
		'bench: get → update',
		path,
		pagerDutyNode(
			{ apiToken: credential },
			{ resource: 'incident', operation: 'get', incidentId: '={{ $json.body.incidentId }}' },
		),
	);
	const update = pagerDutyNode(
		{ apiToken: credential },
		{
			resource: 'incident',
			operation: 'update',
			incidentId: '={{ $json.id }}',
			email: '',
			updateFields: { title: '={{ "bench " + $json.id + " " + $now.toMillis() }}' },
		},
		{ name: 'PagerDuty Update', position: [660, 0] },
	);
	workflow.nodes.push(update);
	workflow.connections.PagerDuty = {
		main: [[{ node: 'PagerDuty Update', type: 'main', index: 0 }]],
	};
	// Answer when the execution is queued, not when it is done: the run measures how fast executions finish.
	const webhook = workflow.nodes[0] as { parameters: Record<string, unknown> };
	webhook.parameters = { ...webhook.parameters, responseMode: 'onReceived' };
	return workflow;
}

/** How many of a workflow's executions have finished, and how many of those failed (public API, all pages). */
async function finishedExecutions(
	n8n: N8nClient,
	workflowId: string,
): Promise<{ finished: number; failed: number }> {
	let finished = 0;
	let failed = 0;
	let cursor: string | undefined;
	do {
		const page = await n8n.api<{ data: Array<{ status: string }>; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		for (const execution of page.data) {
			if (['success', 'error', 'crashed', 'canceled'].includes(execution.status)) finished++;
			if (execution.status !== 'success') failed++;
		}
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return { finished, failed };
}

/**
 * Sends `calls` webhook calls, `parallel` at a time, and waits until all their executions have finished; returns
 * executions per second over that time and the calls or executions that failed.
 */
async function drive(
	n8n: N8nClient,
	workflowId: string,
	path: string,
	incidentIds: string[],
): Promise<{ perSecond: number; failed: number; wallMs: number }> {
	// Warm-up: the first call after activation may 404 for a moment, and loads the node.
	await n8n.webhook(path, { incidentId: incidentIds[0] });
	const warmUp = CALLS + 1;
	let next = 0;
	let failed = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: PARALLEL }, async () => {
			while (next < CALLS) {
				const index = next++;
				const result = await n8n.webhook(path, {
					incidentId: incidentIds[index % incidentIds.length],
				});
				if (result.status !== 200) failed++;
			}
		}),
	);
	let outcome = await finishedExecutions(n8n, workflowId);
	while (outcome.finished < warmUp - failed && performance.now() - started < 600_000) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		outcome = await finishedExecutions(n8n, workflowId);
	}
	const wallMs = performance.now() - started;
	return { perSecond: (CALLS / wallMs) * 1000, failed: failed + outcome.failed, wallMs };
}

const openIncidents = (sandbox: PagerDutySandbox) =>
	sandbox.store.incidents
		.filter((incident) => incident.status !== 'resolved')
		.map((incident) => incident.id);

async function singleProcess(): Promise<string> {
	const sandbox = await startSandbox({ port: 0, latencyMs: LATENCY_MS });
	const userFolder = mkdtempSync(join(tmpdir(), 'pd-bench-single-'));
	const process = await (async () => {
		installPackedPackage(userFolder, say);
		return await startN8n({
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			logFile: join(ARTIFACTS_DIR, 'bench-single.log'),
		});
	})();
	try {
		const n8n = new N8nClient(process.url);
		await n8n.setupOwner();
		await n8n.login();
		await n8n.createApiKey();
		const path = 'bench-single';
		const workflowId = await n8n.createActiveWorkflow(
			getThenUpdate(path, await credentialFor(n8n, sandbox)),
		);
		const run = await drive(n8n, workflowId, path, openIncidents(sandbox));
		return `single n8n process: ${run.perSecond.toFixed(1)} executions/s (${CALLS} in ${(run.wallMs / 1000).toFixed(1)} s, ${run.failed} failed)`;
	} finally {
		await process.stop();
		await sandbox.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	ensureN8nHost(say);
	say(
		`bench:fleet — sandbox latency ${LATENCY_MS} ms, ${CALLS} calls ${PARALLEL} at a time; 2 workers (concurrency 10)`,
	);
	const lines: string[] = [];
	if (!ONLY || ONLY.includes('1')) lines.push(await singleProcess());

	const started = performance.now();
	const stack = await startFleetStack({
		logDir: join(ARTIFACTS_DIR, 'bench-fleet'),
		log: say,
		workers: 2,
		concurrency: 10,
		sandbox: { latencyMs: LATENCY_MS },
	});
	say(`fleet up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	try {
		const { client: n8n, sandbox, state } = stack;
		const credential = await credentialFor(n8n, sandbox);
		if (!ONLY || ONLY.includes('1')) {
			const path = 'bench-fleet';
			const workflowId = await n8n.createActiveWorkflow(getThenUpdate(path, credential));
			const run = await drive(n8n, workflowId, path, openIncidents(sandbox));
			const perWorker = state.members
				.filter((member) => member.role === 'worker')
				.map((member) => `${member.name} ${executionsRunBy(member.logFile).length}`)
				.join(', ');
			lines.push(
				`fleet (webhook processor + 2 workers): ${run.perSecond.toFixed(1)} executions/s (${CALLS} in ${(run.wallMs / 1000).toFixed(1)} s, ${run.failed} failed; ${perWorker})`,
			);
		}
		if (!ONLY || ONLY.includes('2')) {
			const path = 'bench-fleet-rate';
			await n8n.createActiveWorkflow(
				webhookWorkflow(
					'bench: rate limit',
					path,
					pagerDutyNode(
						{ apiToken: credential },
						{ resource: 'incident', operation: 'get', incidentId: '={{ $json.incidentId }}' },
					),
					{ splitItems: true },
				),
			);
			const ids = sandbox.store.incidents.map((incident) => incident.id);
			await n8n.webhook(path, { items: [{ incidentId: ids[0] }] });
			// Fresh windows and request log: the run starts with a full bucket.
			sandbox.clearRequests();
			sandbox.setRateLimit({ perMinute: 960, windowMs: 60_000, enforce: true });
			const rateStarted = performance.now();
			const results = await Promise.all(
				Array.from({ length: RATE_EXECUTIONS }, (_, execution) =>
					n8n.webhook(path, {
						items: Array.from({ length: RATE_ITEMS }, (_, item) => ({
							incidentId: ids[(execution + item) % ids.length],
						})),
					}),
				),
			);
			const wallMs = performance.now() - rateStarted;
			const items = results.reduce(
				(sum, result) => sum + (result.status === 200 ? (result.json as unknown[]).length : 0),
				0,
			);
			const requests = sandbox.requests.filter((request) => request.path.startsWith('/incidents/'));
			const total = RATE_EXECUTIONS * RATE_ITEMS;
			const floorMs = Math.floor((total - 1) / 960) * 60_000;
			lines.push(
				`rate limit (960/min enforced, ${RATE_EXECUTIONS} executions × ${RATE_ITEMS} items, 2 workers, 1 token): ` +
					`${items}/${total} items (lost ${total - items}), ${requests.length} requests, ` +
					`${requests.filter((request) => request.status === 429).length} answered 429, ` +
					`${(wallMs / 1000).toFixed(1)} s (floor ${(floorMs / 1000).toFixed(0)} s), ` +
					`${((items / wallMs) * 60_000).toFixed(0)} items/min`,
			);
		}
	} finally {
		await stack.stop();
	}
	say('');
	for (const line of lines) say(line);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
