import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { N8N_VERSION, n8nHostDir, PACKAGE_NAME, REPO_ROOT } from './paths';

export type Log = (line: string) => void;

/** One installed n8n: its version, folder, `n8n` binary and the Node binary that line runs on. */
export interface N8nHost {
	version: string;
	dir: string;
	bin: string;
	/** Node 24 for n8n 2.x, Node 22 for 1.x (tools/n8n-host.sh decides). */
	node: string;
}

const hosts = new Map<string, N8nHost>();

/**
 * n8n `version` from the per-user cache, installed first when missing (tools/n8n-host.sh: ~7 min cold, instant
 * warm; it also fetches the Node that line needs).
 */
export function ensureN8nHost(log: Log, version = N8N_VERSION): N8nHost {
	const known = hosts.get(version);
	if (known) return known;
	const dir = n8nHostDir(version);
	if (!existsSync(join(dir, '.installed-ok')))
		log(
			`n8n ${version} is not installed in ${dir} yet: installing it (about 7 min the first time) ...`,
		);
	const result = spawnSync('bash', [join(REPO_ROOT, 'tools', 'n8n-host.sh')], {
		cwd: REPO_ROOT,
		env: { ...process.env, N8N_HOST_VERSION: version },
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new Error(`tools/n8n-host.sh failed (exit ${result.status}); see its messages above`);
	// Its last two lines: the host folder, then the Node binary to start it with.
	const [hostDir, node] = result.stdout.trim().split('\n').slice(-2);
	const host = { version, dir: hostDir, bin: join(hostDir, 'node_modules', '.bin', 'n8n'), node };
	hosts.set(version, host);
	return host;
}

/** PATH with the host's Node first, so n8n's children (task runners, `#!/usr/bin/env node`) run under it. */
export function nodePath(host: N8nHost): string {
	return [dirname(host.node), join(host.dir, 'node_modules', '.bin'), process.env.PATH ?? ''].join(
		':',
	);
}

/**
 * Installs this package into `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-pagerduty` the way n8n's community
 * installer does: `npm pack`, then untar the tarball there. `n8n-workflow` and `zod` then resolve from n8n itself.
 * Needs a built dist/ (npm run build).
 */
export function installPackedPackage(userFolder: string, log: Log): string {
	const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter(
		(file) => !existsSync(join(REPO_ROOT, file)),
	);
	if (missing.length > 0) {
		log(`dist/ lacks ${missing.join(', ')}: building the package (npm run build) ...`);
		execFileSync('npm', ['run', 'build', '--silent'], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}
	const packDir = mkdtempSync(join(tmpdir(), 'pd-pack-'));
	try {
		execFileSync('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack produced no tarball');
		const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', target, '--strip-components=1']);
		return target;
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}
