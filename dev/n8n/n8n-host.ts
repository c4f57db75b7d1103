import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { N8N_BIN, N8N_HOST_DIR, PACKAGE_NAME, REPO_ROOT } from './paths';

export type Log = (line: string) => void;

/** Installs n8n into the per-user cache unless it is already there (tools/n8n-host.sh; ~7 min cold, 0 s warm). */
export function ensureN8nHost(log: Log): string {
	if (existsSync(join(N8N_HOST_DIR, '.installed-ok')) && existsSync(N8N_BIN)) return N8N_BIN;
	log(
		`n8n is not installed in ${N8N_HOST_DIR} yet: installing it (about 7 min the first time) ...`,
	);
	const result = spawnSync('bash', [join(REPO_ROOT, 'tools', 'n8n-host.sh')], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (result.status !== 0)
		throw new Error(`tools/n8n-host.sh failed (exit ${result.status}); see its messages above`);
	return N8N_BIN;
}

/** PATH with this Node (24) first, so n8n's `#!/usr/bin/env node` runs under it. */
export function nodePath(): string {
	return [
		dirname(process.execPath),
		join(N8N_HOST_DIR, 'node_modules', '.bin'),
		process.env.PATH ?? '',
	].join(':');
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
