import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { ensureN8nHost, N8nHost } from './n8n-host';
import { freePort, hostOf, n8nEnv } from './n8n-process';
import type { E2eState } from './state';

/**
 * Runs an n8n CLI command (`import:credentials`, `export:credentials`, ...) on a user folder; ~5 s each.
 * `host`: which installed n8n (default: the N8N_HOST_VERSION one).
 */
export async function runN8nCli(
	userFolder: string,
	args: string[],
	encryptionKey?: string | null,
	host?: N8nHost,
): Promise<string> {
	const n8n = hostOf({ host });
	const env = n8nEnv({
		host: n8n,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		logFile: '',
		encryptionKey,
	});
	return await new Promise<string>((resolve, reject) => {
		execFile(
			n8n.node,
			[n8n.bin, ...args],
			{ env, cwd: userFolder, timeout: 120_000 },
			(error, stdout, stderr) =>
				error
					? reject(new Error(`n8n ${args[0]} failed: ${error.message}\n${stdout}\n${stderr}`))
					: resolve(stdout),
		);
	});
}

/** A credential as stored by the running n8n, decrypted (`n8n export:credentials --decrypted`). */
export async function exportDecryptedCredential(
	state: E2eState,
	id: string,
): Promise<Record<string, unknown>> {
	const dir = mkdtempSync(join(tmpdir(), 'pd-export-'));
	const output = join(dir, 'credentials.json');
	try {
		await runN8nCli(
			state.userFolder,
			['export:credentials', `--id=${id}`, '--decrypted', `--output=${output}`],
			undefined,
			ensureN8nHost(() => {}, state.n8nVersion),
		);
		const exported = JSON.parse(readFileSync(output, 'utf8')) as Array<{
			data: Record<string, unknown>;
		}>;
		return exported[0].data;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
