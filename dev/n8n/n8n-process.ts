import { ChildProcess, spawn } from 'child_process';
import { createWriteStream, mkdirSync } from 'fs';
import { createServer } from 'net';
import { dirname } from 'path';

import { ensureN8nHost, N8nHost, nodePath } from './n8n-host';

export interface N8nProcessOptions {
	/** Which installed n8n runs (default: the N8N_HOST_VERSION one, see paths.ts). */
	host?: N8nHost;
	userFolder: string;
	port: number;
	brokerPort: number;
	/** Where n8n's stdout and stderr go. */
	logFile: string;
	/** Extra environment (proxy settings, ...). */
	env?: Record<string, string>;
	/** Default: a fixed test key. null: none (n8n generates one into <userFolder>/.n8n/config). */
	encryptionKey?: string | null;
	/** If set, n8n's output is also echoed through this. */
	echo?: (chunk: string) => void;
	/**
	 * Queue mode's process roles: `main` (`n8n start`, the default), `worker` (`n8n worker`; `port` is then its
	 * health server's) or `webhook` (`n8n webhook`, the production webhook processor).
	 */
	role?: N8nRole;
	/** Jobs a worker runs at once (`--concurrency`). */
	concurrency?: number;
}

export type N8nRole = 'main' | 'worker' | 'webhook';

export interface N8nProcess {
	url: string;
	pid: number;
	child: ChildProcess;
	stop(): Promise<void>;
}

export const N8N_ENCRYPTION_KEY = 'n8n-nodes-pagerduty-e2e-key-0123456789';

/** A free TCP port on loopback (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The host these options name, else the default one (installed when missing). */
export function hostOf(options: { host?: N8nHost }): N8nHost {
	return options.host ?? ensureN8nHost((line) => process.stderr.write(`[n8n-host] ${line}\n`));
}

export function n8nEnv(options: N8nProcessOptions): NodeJS.ProcessEnv {
	// Jest sets NODE_ENV=test, with which n8n exits silently (code 1) at start.
	const inherited = { ...process.env };
	delete inherited.NODE_ENV;
	delete inherited.JEST_WORKER_ID;
	const key = options.encryptionKey === undefined ? N8N_ENCRYPTION_KEY : options.encryptionKey;
	return {
		...inherited,
		PATH: nodePath(hostOf(options)),
		N8N_USER_FOLDER: options.userFolder,
		...(key === null ? {} : { N8N_ENCRYPTION_KEY: key }),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(options.port),
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${options.port}`,
		WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		// A worker answers /healthz/readiness on its own server only when asked to.
		...(options.role === 'worker' && {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(options.port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		}),
		...options.env,
	};
}

async function waitUntilReady(
	url: string,
	child: ChildProcess,
	timeoutMs: number,
	logFile: string,
	servesRest: boolean,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: string | undefined;
	child.once('close', (code, signal) => {
		exited = `n8n exited (code ${code}, signal ${signal}) before it was ready; see ${logFile}`;
	});
	while (Date.now() < deadline) {
		if (exited) throw new Error(exited);
		try {
			// Readiness only says the database is migrated. n8n 1.x mounts its REST routes after that
			// (/rest/owner/setup answers 404 for a few seconds), so main also waits for a public REST route;
			// workers and webhook processors serve no REST API.
			const readiness = await fetch(`${url}/healthz/readiness`);
			if (
				readiness.status === 200 &&
				(!servesRest || (await fetch(`${url}/rest/settings`)).status === 200)
			)
				return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

function commandOf(options: N8nProcessOptions): string[] {
	if (options.role === 'worker') return ['worker', `--concurrency=${options.concurrency ?? 10}`];
	if (options.role === 'webhook') return ['webhook'];
	return ['start'];
}

/** Starts `n8n start` (or a worker or webhook processor) and resolves once /healthz/readiness answers 200 (~12-18 s on 2 cores). */
export async function startN8n(
	options: N8nProcessOptions,
	timeoutMs = 180_000,
): Promise<N8nProcess> {
	mkdirSync(dirname(options.logFile), { recursive: true });
	const log = createWriteStream(options.logFile, { flags: 'a' });
	const host = hostOf(options);
	const child = spawn(host.node, [host.bin, ...commandOf(options)], {
		cwd: options.userFolder,
		env: n8nEnv(options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const forward = (chunk: Buffer): void => {
		log.write(chunk);
		options.echo?.(chunk.toString('utf8'));
	};
	child.stdout?.on('data', forward);
	child.stderr?.on('data', forward);
	const url = `http://127.0.0.1:${options.port}`;
	const stop = (): Promise<void> =>
		new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) {
				log.end(() => resolve());
				return;
			}
			const killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			child.once('exit', () => {
				clearTimeout(killTimer);
				log.end(() => resolve());
			});
			child.kill('SIGTERM');
		});
	try {
		await waitUntilReady(url, child, timeoutMs, options.logFile, commandOf(options)[0] === 'start');
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, pid: child.pid ?? 0, child, stop };
}
