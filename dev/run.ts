/**
 * `npm run dev` (tools/dev.sh builds everything, then runs this compiled file):
 * the PagerDuty sandbox on loopback + n8n 2.41.1 with this package installed from its tarball, three credentials
 * pointing at the sandbox (API token, OAuth2, Events), one example workflow, and an owner login. Ctrl-C stops
 * n8n and the sandbox.
 *
 * With PAGERDUTY_API_TOKEN set, no sandbox: credentials for the real account (PAGERDUTY_REGION us|eu, or
 * PAGERDUTY_BASE_URL; PAGERDUTY_FROM_EMAIL; PAGERDUTY_ROUTING_KEY), in a separate n8n user folder.
 * Other settings: N8N_PORT (5678), PD_SANDBOX_PORT (4010), PD_SANDBOX_INCIDENTS (30).
 *
 * `npm run dev -- --queue`: the same with n8n in queue mode (dev/fleet): Postgres, Redis, main, two workers and a
 * webhook processor (N8N_WEBHOOK_PORT, 5680), the package installed for each; manual executions run on the workers.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { join } from 'path';

import { FLEET_STATE_FILE, startFleetStack } from './fleet/stack';
import type { CredentialImport } from './n8n/dev-credentials';
import { realAccountCredentials, sandboxCredentials } from './n8n/dev-credentials';
import { runN8nCli } from './n8n/n8n-cli';
import { N8nClient, OWNER } from './n8n/n8n-client';
import { ensureN8nHost, installPackedPackage } from './n8n/n8n-host';
import { freePort, N8nProcess, startN8n } from './n8n/n8n-process';
import { REPO_ROOT } from './n8n/paths';
import { API_CREDENTIAL_TYPE, exampleWorkflow } from './n8n/workflows';
import { DEFAULT_ROUTING_KEY } from './sandbox/events';
import {
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	PagerDutySandbox,
	startSandbox,
} from './sandbox/server';

const say = (line: string): void => {
	process.stdout.write(`[dev] ${line}\n`);
};

async function timed<T>(what: string, step: () => Promise<T> | T): Promise<T> {
	const started = Date.now();
	say(`${what} ...`);
	try {
		const result = await step();
		say(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return result;
	} catch (error) {
		say(`  FAILED: ${what}`);
		throw error;
	}
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function requirePort(port: number, variable: string, what: string): Promise<void> {
	if (!(await portIsFree(port))) {
		throw new Error(
			`port ${port} on 127.0.0.1 is in use (${what}). Stop whatever uses it, or set ${variable}=<another port>.`,
		);
	}
}

async function main(): Promise<void> {
	const realToken = process.env.PAGERDUTY_API_TOKEN;
	const n8nPort = Number(process.env.N8N_PORT ?? 5678);
	const sandboxPort = Number(process.env.PD_SANDBOX_PORT ?? 4010);
	const userFolder = join(REPO_ROOT, '.e2e', realToken ? 'dev-pagerduty' : 'dev-sandbox');
	mkdirSync(userFolder, { recursive: true });

	ensureN8nHost(say);
	await requirePort(n8nPort, 'N8N_PORT', 'n8n');
	if (!realToken) await requirePort(sandboxPort, 'PD_SANDBOX_PORT', 'PagerDuty sandbox');

	await timed(
		`installing the packed package into ${userFolder}/.n8n/nodes (npm pack + untar)`,
		() => installPackedPackage(userFolder, say),
	);

	let sandbox: PagerDutySandbox | undefined;
	let credentials: CredentialImport[];
	if (realToken) {
		credentials = realAccountCredentials(process.env);
		say(
			`PAGERDUTY_API_TOKEN is set: no sandbox; the credentials use region "${String(credentials[0].data.region)}" of your real account`,
		);
	} else {
		const incidents = Number(process.env.PD_SANDBOX_INCIDENTS ?? 30);
		sandbox = await timed(`starting the PagerDuty sandbox on 127.0.0.1:${sandboxPort}`, () =>
			startSandbox({ port: sandboxPort, seed: { incidents } }),
		);
		const store = sandbox.store;
		say(
			`  seeded: ${store.services.length} services, ${store.escalationPolicies.length} escalation policies, ` +
				`${store.users.length} users, ${store.teams.length} teams, ${store.schedules.length} schedules, ` +
				`${store.incidents.length} incidents`,
		);
		credentials = sandboxCredentials(
			sandbox.url,
			sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId, 'write'),
		);
	}

	const importDir = join(userFolder, 'import');
	mkdirSync(importDir, { recursive: true });
	const credentialsFile = join(importDir, 'credentials.json');
	const workflowFile = join(importDir, 'workflow.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, '\t'));
	writeFileSync(
		workflowFile,
		JSON.stringify(
			exampleWorkflow('pdDevExample0000001', { id: credentials[0].id, name: credentials[0].name }),
			null,
			'\t',
		),
	);
	let n8n: N8nProcess | undefined;
	let stopping = false;
	const shutdown = async (signal: string): Promise<void> => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stopping n8n and the sandbox ...`);
		await n8n?.stop();
		await sandbox?.close();
		say('stopped.');
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	try {
		await timed('importing the credentials into n8n (n8n import:credentials)', () =>
			runN8nCli(userFolder, ['import:credentials', `--input=${credentialsFile}`], null),
		);
		await timed('importing the example workflow (n8n import:workflow)', () =>
			runN8nCli(userFolder, ['import:workflow', `--input=${workflowFile}`], null),
		);
		const logFile = join(userFolder, 'n8n.log');
		n8n = await timed(`starting n8n on 127.0.0.1:${n8nPort} (log: ${logFile})`, async () =>
			startN8n({
				userFolder,
				port: n8nPort,
				brokerPort: await freePort(),
				logFile,
				encryptionKey: null,
			}),
		);
		const client = new N8nClient(n8n.url);
		const created = await client.setupOwner();
		await client.login();

		const lines = [
			'',
			'n8n is running with n8n-nodes-pagerduty installed as a community package.',
			'',
			`  Editor:    ${n8n.url}`,
			`  Login:     ${OWNER.email}   password: ${OWNER.password}${created ? '' : '   (owner from an earlier run)'}`,
			`  Workflow:  ${n8n.url}/workflow/pdDevExample0000001  (“${exampleWorkflow('x', credentials[0]).name}”: open it, click “Execute workflow”)`,
			`  Credentials: ${credentials.map((credential) => credential.name).join(', ')}`,
		];
		if (sandbox) {
			lines.push(
				`  Sandbox:   ${sandbox.url}  (PagerDuty REST API v2 + OAuth + Events API v2; requests: ${sandbox.url}/__sandbox/requests)`,
				`             API token "${DEFAULT_ACCOUNT_TOKEN}", OAuth client "${DEFAULT_OAUTH_CLIENT.clientId}" / "${DEFAULT_OAUTH_CLIENT.clientSecret}"`,
				`             Routing key: ${DEFAULT_ROUTING_KEY}  (PagerDuty Events node; events open incidents on the first service)`,
			);
		}
		lines.push(`  n8n data:  ${userFolder}`, '', 'Press Ctrl-C to stop n8n and the sandbox.', '');
		process.stdout.write(`${lines.join('\n')}\n`);
		n8n.child.once('exit', (code) => {
			if (stopping) return;
			say(`n8n exited unexpectedly (code ${code}); see ${logFile}`);
			void sandbox?.close().then(() => process.exit(1));
		});
	} catch (error) {
		await n8n?.stop();
		await sandbox?.close();
		throw error;
	}
}

/** `--queue`: the sandbox and n8n in queue mode; credentials and the example workflow through n8n's API. */
async function mainQueue(): Promise<void> {
	const n8nPort = Number(process.env.N8N_PORT ?? 5678);
	const webhookPort = Number(process.env.N8N_WEBHOOK_PORT ?? 5680);
	const sandboxPort = Number(process.env.PD_SANDBOX_PORT ?? 4010);
	ensureN8nHost(say);
	await requirePort(n8nPort, 'N8N_PORT', 'n8n main');
	await requirePort(webhookPort, 'N8N_WEBHOOK_PORT', 'n8n webhook processor');
	await requirePort(sandboxPort, 'PD_SANDBOX_PORT', 'PagerDuty sandbox');
	const logDir = join(REPO_ROOT, '.e2e', 'dev-queue');
	const stack = await timed(
		'starting the sandbox, Postgres, Redis, n8n main, 2 workers and a webhook processor (~1-2 min)',
		() =>
			startFleetStack({
				logDir,
				log: (line) => say(`  ${line}`),
				workers: 2,
				concurrency: 10,
				mainPort: n8nPort,
				webhookPort,
				sandbox: {
					port: sandboxPort,
					seed: { incidents: Number(process.env.PD_SANDBOX_INCIDENTS ?? 30) },
				},
				env: { OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' },
			}),
	);
	// The fleet test suites can run against this fleet: PD_FLEET_ATTACH=1 npx jest -c jest.fleet.config.js
	writeFileSync(FLEET_STATE_FILE, JSON.stringify(stack.state, null, '\t'));
	let stopping = false;
	const shutdown = async (signal: string): Promise<void> => {
		if (stopping) return;
		stopping = true;
		say(`${signal}: stopping n8n, Redis, Postgres and the sandbox ...`);
		rmSync(FLEET_STATE_FILE, { force: true });
		await stack.stop();
		say('stopped.');
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	try {
		const { client, sandbox, state } = stack;
		const credential = await client.createCredential(
			'PagerDuty sandbox (API token)',
			API_CREDENTIAL_TYPE,
			{
				apiToken: DEFAULT_ACCOUNT_TOKEN,
				region: 'custom',
				baseUrl: sandbox.url,
				defaultFromEmail: 'jane.doe@example.com',
			},
		);
		// The public API assigns the id itself.
		const { name, nodes, connections, settings } = exampleWorkflow('', credential);
		const created = await client.api<{ id: string }>('POST', '/workflows', {
			name,
			nodes,
			connections,
			settings,
		});
		const lines = [
			'',
			'n8n is running in queue mode with n8n-nodes-pagerduty installed on every process.',
			'',
			`  Editor (main):      ${state.mainUrl}   login ${OWNER.email} / ${OWNER.password}`,
			`  Workflow:           ${state.mainUrl}/workflow/${created.id}  (“Execute workflow” runs on a worker)`,
			`  Production webhooks: ${state.webhookUrl}/webhook/…  (the webhook processor; PagerDuty Trigger subscriptions point here)`,
			`  Sandbox:            ${sandbox.url}  (requests: ${sandbox.url}/__sandbox/requests)`,
			`  Logs:               ${logDir}/{main,worker-1,worker-2,webhook,postgres,redis}.log`,
			'',
			'Press Ctrl-C to stop everything (the database is thrown away).',
			'',
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	} catch (error) {
		await stack.stop();
		throw error;
	}
}

(process.argv.includes('--queue') ? mainQueue() : main()).catch((error: unknown) => {
	process.stderr.write(`[dev] ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
