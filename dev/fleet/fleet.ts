/**
 * n8n in queue mode, the way n8n's docs describe scaling out: Redis for the execution queue, one Postgres shared by
 * every process, and n8n main (editor, API, activation), workers (`n8n worker`) that run the executions, and a
 * webhook processor (`n8n webhook`) that receives production webhooks (`WEBHOOK_URL` points at it). Every process has
 * its own user folder, as separate machines or containers would, with this package installed into each one's
 * `nodes/` folder from the same `npm pack` tarball, and all share one encryption key.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { Postgres, Service, startPostgres, startRedis } from './services';
import { installPackedPackage, Log } from '../n8n/n8n-host';
import { freePort, N8nProcess, N8nRole, startN8n } from '../n8n/n8n-process';
import { PACKAGE_NAME } from '../n8n/paths';

export interface FleetOptions {
	/** Where each process writes its log (main.log, worker-1.log, ..., webhook.log, postgres.log, redis.log). */
	logDir: string;
	log: Log;
	workers?: number;
	/** `n8n worker --concurrency`. */
	concurrency?: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
	/** Fixed ports for main's editor and the webhook processor (default: free ones). */
	mainPort?: number;
	webhookPort?: number;
	/** n8n's output echoed (PD_E2E_ECHO=1). */
	echo?: (chunk: string) => void;
}

export interface FleetMember {
	role: N8nRole;
	/** main, worker-1, worker-2, webhook */
	name: string;
	process: N8nProcess;
	userFolder: string;
	logFile: string;
}

export interface Fleet {
	/** Editor, REST and public API, test webhooks. */
	mainUrl: string;
	/** Production webhooks (`WEBHOOK_URL`). */
	webhookUrl: string;
	members: FleetMember[];
	postgres: Postgres;
	redis: Service;
	/** Stops every n8n process, then Redis and Postgres, and deletes their folders (also after a failed start). */
	stop(): Promise<void>;
}

/** What every process of one fleet shares: queue, database and encryption key (n8n's own default test key). */
export function queueModeEnv(postgres: Postgres, redis: Service): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Bursts of webhooks on n8n's defaults (2 connections per process, a 5 s health ping through that same
		// pool): requests wait for a connection, the ping times out three times, n8n "recovers" the connection and
		// answers 503 "Database is not ready!" meanwhile. Measured: 39 of 200 simultaneous deliveries answered 500
		// with the defaults. A bigger pool, and a ping that waits as long as a query may, ride the burst out.
		DB_POSTGRESDB_POOL_SIZE: '20',
		DB_PING_TIMEOUT_MS: '20000',
		// Stopping a worker waits for its running executions at most this long.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

/** The package's installed folder in a user folder (as n8n's community installer lays it out). */
const installedPackage = (userFolder: string) =>
	join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);

/** Starts Postgres, Redis, main, then the workers and the webhook processor side by side (~25-40 s on 2 cores). */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
	const { log, logDir } = options;
	mkdirSync(logDir, { recursive: true });
	const started = Date.now();
	const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
	const members: FleetMember[] = [];
	const folders: string[] = [];
	let postgres: Postgres | undefined;
	let redis: Service | undefined;
	// Should this process end without stop() (a killed test run), its servers must not outlive it.
	const killLeftovers = () => {
		for (const pid of [...members.map((member) => member.process.pid), redis?.pid, postgres?.pid]) {
			try {
				if (pid) process.kill(pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
	};
	process.once('exit', killLeftovers);
	const stop = async () => {
		// Workers and the webhook processor first, main last: nothing is left to enqueue or run.
		await Promise.all(
			members.filter((member) => member.role !== 'main').map((member) => member.process.stop()),
		);
		await Promise.all(
			members.filter((member) => member.role === 'main').map((member) => member.process.stop()),
		);
		await redis?.stop();
		await postgres?.stop();
		process.off('exit', killLeftovers);
		if (process.env.PD_E2E_KEEP !== '1')
			for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	};
	const logFile = (name: string) => {
		const file = join(logDir, `${name}.log`);
		writeFileSync(file, '');
		return file;
	};
	try {
		[postgres, redis] = await Promise.all([
			startPostgres(logFile('postgres')),
			startRedis(logFile('redis')),
		]);
		log(`Postgres on port ${postgres.port}, Redis on port ${redis.port} (${elapsed()})`);

		const workers = options.workers ?? 2;
		const names = [
			'main',
			...Array.from({ length: workers }, (_, i) => `worker-${i + 1}`),
			'webhook',
		];
		for (const name of names) folders.push(mkdtempSync(join(tmpdir(), `pd-fleet-${name}-`)));
		// One tarball, unpacked once and copied: every process gets the very same files.
		installPackedPackage(folders[0], log);
		for (const folder of folders.slice(1)) {
			mkdirSync(join(folder, '.n8n', 'nodes', 'node_modules'), { recursive: true });
			cpSync(installedPackage(folders[0]), installedPackage(folder), { recursive: true });
		}
		log(`package installed into ${folders.length} user folders (${elapsed()})`);

		const webhookPort = options.webhookPort ?? (await freePort());
		const webhookUrl = `http://127.0.0.1:${webhookPort}`;
		const env = {
			...queueModeEnv(postgres, redis),
			WEBHOOK_URL: `${webhookUrl}/`,
			...options.env,
		};
		const start = async (name: string, role: N8nRole, port?: number) => {
			const userFolder = folders[names.indexOf(name)];
			const file = logFile(name);
			const process = await startN8n({
				userFolder,
				port: port ?? (await freePort()),
				brokerPort: await freePort(),
				logFile: file,
				role,
				concurrency: options.concurrency,
				env,
				echo: options.echo,
			});
			members.push({ role, name, process, userFolder, logFile: file });
		};
		// Main first: it runs the database migrations the others rely on.
		await start('main', 'main', options.mainPort);
		log(`n8n main ready (${elapsed()})`);
		await Promise.all(
			names
				.slice(1)
				.map((name) =>
					name === 'webhook' ? start(name, 'webhook', webhookPort) : start(name, 'worker'),
				),
		);
		log(`${workers} workers and the webhook processor ready (${elapsed()})`);
		const main = members.find((member) => member.role === 'main')!;
		return { mainUrl: main.process.url, webhookUrl, members, postgres, redis, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Execution ids a worker's log says it started ("Worker started execution 12 (job 3)"). */
export function executionsRunBy(logFile: string): string[] {
	return [...readFileSync(logFile, 'utf8').matchAll(/Worker started execution (\d+)/g)].map(
		(match) => match[1],
	);
}
