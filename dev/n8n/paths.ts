import { homedir } from 'os';
import { join, resolve } from 'path';

/** The clone's root (this file is dev/n8n/paths.ts, or .build/dev/n8n/paths.js when compiled). */
export const REPO_ROOT = ((): string => {
	const here = resolve(__dirname, '..', '..');
	return here.endsWith('.build') ? resolve(here, '..') : here;
})();

/** The n8n the full e2e suite and `npm run dev` use (N8N_HOST_VERSION picks another; the smoke stage passes its own). */
export const N8N_VERSION = process.env.N8N_HOST_VERSION ?? '2.41.1';

/** Per-user cache outside the clone (the same folder tools/node.sh and tools/n8n-host.sh use). */
export const CACHE_DIR =
	process.env.N8N_PAGERDUTY_CACHE ??
	join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-pagerduty');

/** Where tools/n8n-host.sh installs n8n `version`. */
export const n8nHostDir = (version: string): string => join(CACHE_DIR, `n8n-${version}`);

/** Screenshots and logs of the e2e run (git-ignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test', 'e2e', 'artifacts');

/** Where global setup leaves the running stack's addresses for the test files (git-ignored). */
export const STATE_FILE = join(REPO_ROOT, '.e2e', 'e2e-state.json');

export const PACKAGE_NAME = 'n8n-nodes-pagerduty';
