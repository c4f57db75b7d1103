/**
 * In real n8n: an execution stopped while the node waits out PagerDuty's rate limit (a 429 announcing a long
 * `ratelimit-reset`) ends at once. n8n marks a stopped execution canceled right away whatever the node does, and
 * aborts the node's later requests; a node that ignored the cancel signal would still sit in its wait until the
 * reset, which only n8n's debug log shows ("Running node … finished with error"). n8n 1.x's `sleep` ignores the
 * signal; nodes/shared/hostCompat.ts takes its abortable twin. Global setup starts n8n with N8N_LOG_LEVEL=debug.
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';

import { eventually } from './eventually';
import { N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE, pagerDutyNode, webhookWorkflow } from '../../dev/n8n/workflows';

/** Far longer than the node may take to end once stopped. */
const RESET_SECONDS = 20;
const PROMPTLY_MS = 3000;
const NODE_NAME = 'PagerDuty (stopped while waiting)';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
});

it('an execution stopped during a rate-limit wait ends at once and sends nothing more', async () => {
	const credential = await n8n.createCredential('PagerDuty sandbox (stop)', API_CREDENTIAL_TYPE, {
		apiToken: 'sandbox-account-token',
		region: 'custom',
		baseUrl: state.sandboxUrl,
	});
	const path = `pd-stop-${randomUUID().slice(0, 8)}`;
	const node = pagerDutyNode(
		{ apiToken: credential },
		{ resource: 'incident', operation: 'getAll', returnAll: false, limit: 1, options: {} },
		{ name: NODE_NAME },
	);
	const workflowId = await n8n.createActiveWorkflow(webhookWorkflow('e2e stop', path, node));
	await sandbox.clearRequests();
	await sandbox.control('POST', 'faults', {
		status: 429,
		headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(RESET_SECONDS) },
	});

	const answer = n8n.webhook(path);
	await eventually('429 from the sandbox', async () =>
		(await sandbox.requests()).find((request) => request.status === 429),
	);
	const [running] = await eventually('running execution', async () => {
		const executions = await n8n.executions(workflowId, 'running');
		return executions.length > 0 ? executions : undefined;
	});
	const finished = `Running node "${NODE_NAME}" finished with error`;
	expect(readFileSync(state.logFile, 'utf8')).not.toContain(finished);

	expect((await n8n.stopExecution(running.id)).status).toBe('canceled');
	await answer;
	// The node gave up its wait: n8n saw it finish long before the announced reset.
	await eventually(
		'end of the node in the n8n log',
		() => (readFileSync(state.logFile, 'utf8').includes(finished) ? true : undefined),
		PROMPTLY_MS,
	);
	expect((await sandbox.requests()).map((request) => request.status)).toEqual([429]);
});
