/**
 * One API token, ten executions at once on two workers, PagerDuty's limit enforced (960 requests a minute, here as
 * 160 per 10-second window so the test takes seconds): every item completes, 429s stay few, and the fleet's
 * throughput is measured against the floor the limit sets. Each execution's limiter learns the shared bucket from
 * PagerDuty's ratelimit-* headers, which count every request of the token, whichever process sent it.
 */
import { randomUUID } from 'crypto';

import { executionsOf, FleetContext, fleetContext, report, whereRan } from './support';
import { API_CREDENTIAL_TYPE, pagerDutyNode, webhookWorkflow } from '../../dev/n8n/workflows';

const EXECUTIONS = 10;
const ITEMS_PER_EXECUTION = 40;
const WINDOW_MS = 10_000;
const PER_WINDOW = 160; // 960 a minute

let fleet: FleetContext;

beforeAll(async () => {
	fleet = fleetContext();
	await fleet.sandbox.control('POST', 'reset');
});

afterAll(async () => {
	await fleet.sandbox.control('POST', 'reset');
});

it(`${EXECUTIONS} concurrent executions × ${ITEMS_PER_EXECUTION} items on two workers, one token, limit enforced: nothing lost, few 429s`, async () => {
	const credential = await fleet.n8n.createCredential(
		'PagerDuty sandbox (fleet rate limit)',
		API_CREDENTIAL_TYPE,
		{ apiToken: 'sandbox-account-token', region: 'custom', baseUrl: fleet.state.sandboxUrl },
	);
	const incidents = await fleet.sandbox.rest<{ incidents: Array<{ id: string }> }>(
		'/incidents?limit=20',
	);
	const ids = incidents.incidents.map((incident) => incident.id);
	const path = `fleet-rate-${randomUUID().slice(0, 8)}`;
	const workflowId = await fleet.n8n.createActiveWorkflow(
		webhookWorkflow(
			'fleet rate limit',
			path,
			pagerDutyNode(
				{ apiToken: credential },
				{ resource: 'incident', operation: 'get', incidentId: '={{ $json.incidentId }}' },
			),
			{ splitItems: true },
		),
	);
	await fleet.sandbox.control('POST', 'rate-limit', {
		per_minute: PER_WINDOW,
		window_ms: WINDOW_MS,
		enforce: true,
	});
	await fleet.sandbox.clearRequests();

	const started = Date.now();
	const results = await Promise.all(
		Array.from({ length: EXECUTIONS }, (_, execution) =>
			fleet.n8n.webhook(path, {
				items: Array.from({ length: ITEMS_PER_EXECUTION }, (_, item) => ({
					incidentId: ids[(execution + item) % ids.length],
				})),
			}),
		),
	);
	const wallMs = Date.now() - started;

	for (const result of results) {
		expect(result.status).toBe(200);
		expect(result.json).toHaveLength(ITEMS_PER_EXECUTION);
	}
	const requests = (await fleet.sandbox.requests()).filter((request) =>
		request.path.startsWith('/incidents/'),
	);
	const rateLimited = requests.filter((request) => request.status === 429).length;
	const succeeded = requests.filter((request) => request.status === 200).length;
	expect(succeeded).toBe(EXECUTIONS * ITEMS_PER_EXECUTION);

	const executions = await executionsOf(fleet.n8n, workflowId);
	const ranOn = whereRan(fleet.state);
	expect(new Set(executions.map((execution) => ranOn(execution.id)))).toEqual(
		new Set(['worker-1', 'worker-2']),
	);
	// The limit allows PER_WINDOW requests at once, then PER_WINDOW more after each reset.
	const floorMs = Math.floor((EXECUTIONS * ITEMS_PER_EXECUTION - 1) / PER_WINDOW) * WINDOW_MS;
	report(
		`rate limit (${PER_WINDOW}/${WINDOW_MS / 1000} s = 960/min, enforced): ${succeeded} items in ${(wallMs / 1000).toFixed(1)} s ` +
			`(floor ${(floorMs / 1000).toFixed(0)} s), ${requests.length} requests, ${rateLimited} answered 429, lost 0`,
	);
	expect(rateLimited).toBeLessThan(EXECUTIONS * ITEMS_PER_EXECUTION * 0.5);
	expect(wallMs).toBeLessThan(floorMs + 6 * WINDOW_MS);
});
