/**
 * The two servers n8n's queue mode needs beside n8n, each started as a throw-away child of this process on a free
 * loopback port: Redis (Debian's redis-server, no persistence) and a Postgres cluster (Debian's postgresql: initdb
 * into a temp folder, then `postgres` itself). Postgres refuses to run as root, so as root the cluster belongs to an
 * unprivileged system user (`postgres`, which Debian's package creates, else `nobody`). stop() ends the server and
 * deletes its folder.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'child_process';
import {
	chownSync,
	createWriteStream,
	existsSync,
	mkdtempSync,
	readdirSync,
	realpathSync,
	rmSync,
} from 'fs';
import { tmpdir, userInfo } from 'os';
import { dirname, join } from 'path';

import { freePort } from '../n8n/n8n-process';

export interface Service {
	port: number;
	pid: number;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	host: string;
	user: string;
	database: string;
}

const INSTALL_HINT = 'apt-get install -y redis-server postgresql (tools/fleet-deps.sh does it)';

/** The first of these commands on PATH, else undefined. */
function onPath(command: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		if (dir && existsSync(join(dir, command))) return join(dir, command);
	}
	return undefined;
}

/** Debian puts Postgres' programs in /usr/lib/postgresql/<major>/bin, off PATH: the newest major wins. */
export function postgresBinDir(): string | undefined {
	// A PATH entry may be a lone symlink to initdb: its siblings (pg_isready, createdb) live where it points.
	const initdb = onPath('initdb');
	if (initdb) return dirname(realpathSync(initdb));
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? join(root, majors[0], 'bin') : undefined;
}

export const redisServerPath = (): string | undefined =>
	onPath('redis-server') ??
	(existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);

/** The unprivileged account the cluster runs as when this process is root; undefined when it is not root. */
function clusterOwner(): { uid: number; gid: number; name: string } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (id.status === 0 && group.status === 0)
			return { uid: Number(id.stdout.trim()), gid: Number(group.stdout.trim()), name };
	}
	throw new Error(
		'Postgres refuses to run as root, and neither user "postgres" nor "nobody" exists',
	);
}

function stopChild(
	child: ChildProcess,
	signal: NodeJS.Signals,
	cleanup: () => void,
): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			cleanup();
			resolve();
		};
		if (child.exitCode !== null || child.signalCode !== null) {
			done();
			return;
		}
		const killTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		child.once('exit', () => {
			clearTimeout(killTimer);
			done();
		});
		child.kill(signal);
	});
}

async function waitFor(
	what: string,
	child: ChildProcess,
	ready: () => boolean,
	logFile: string,
	timeoutMs = 60_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`${what} exited (code ${child.exitCode}) before it was ready; see ${logFile}`,
			);
		if (ready()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${what} was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** A Redis with no persistence on a free loopback port (~0.1 s). */
export async function startRedis(logFile: string): Promise<Service> {
	const binary = redisServerPath();
	if (!binary) throw new Error(`redis-server is not installed: ${INSTALL_HINT}`);
	const dir = mkdtempSync(join(tmpdir(), 'pd-fleet-redis-'));
	const port = await freePort();
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(
		binary,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	const forward = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		log.write(chunk);
	};
	child.stdout?.on('data', forward);
	child.stderr?.on('data', forward);
	const cleanup = () => {
		log.end();
		rmSync(dir, { recursive: true, force: true });
	};
	const stop = () => stopChild(child, 'SIGTERM', cleanup);
	try {
		await waitFor(
			'redis-server',
			child,
			() => output.includes('Ready to accept connections'),
			logFile,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, pid: child.pid ?? 0, stop };
}

/**
 * A Postgres cluster in a temp folder, trusting loopback connections of its one role, with a database for n8n
 * (~2-4 s). Durability is switched off: it is thrown away at the end.
 */
export async function startPostgres(logFile: string): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(`Postgres (initdb) is not installed: ${INSTALL_HINT}`);
	const owner = clusterOwner();
	const root = mkdtempSync(join(tmpdir(), 'pd-fleet-pg-'));
	if (owner) chownSync(root, owner.uid, owner.gid);
	const dataDir = join(root, 'data');
	const user = 'n8n';
	const database = 'n8n';
	const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
	const env = { ...process.env, HOME: root, LC_ALL: 'C', LANG: 'C' };
	const removeRoot = () => rmSync(root, { recursive: true, force: true });
	try {
		execFileSync(
			join(bin, 'initdb'),
			['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'],
			{ ...asOwner, cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] },
		);
	} catch (error) {
		removeRoot();
		throw new Error(
			`initdb failed${owner ? ` (as user ${owner.name})` : ` (as ${userInfo().username})`}: ${(error as Error).message}`,
		);
	}
	const port = await freePort();
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(
		join(bin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			root,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		{ ...asOwner, cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
	child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
	const cleanup = () => {
		log.end();
		removeRoot();
	};
	// SIGINT is Postgres' "fast shutdown": sessions are ended, then it exits.
	const stop = () => stopChild(child, 'SIGINT', cleanup);
	const client = (program: string, args: string[]) =>
		spawnSync(join(bin, program), ['-h', '127.0.0.1', '-p', String(port), '-U', user, ...args], {
			env,
			encoding: 'utf8',
		});
	try {
		await waitFor('postgres', child, () => client('pg_isready', ['-q']).status === 0, logFile);
		const created = client('createdb', [database]);
		if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, user, database, pid: child.pid ?? 0, stop };
}
