/**
 * Starts n8n in queue mode once for all fleet suites (dev/fleet): the PagerDuty sandbox, Postgres, Redis, n8n main,
 * two workers and a webhook processor, each process with the package installed into its own user folder. The
 * addresses go to .e2e/fleet-state.json for the test files; the handles stay here for global teardown, which stops
 * everything (so does a failed start, before it throws).
 */
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

import { FLEET_STATE_FILE, FleetStack, startFleetStack } from '../../dev/fleet/stack';
import { ensureN8nHost } from '../../dev/n8n/n8n-host';
import { ARTIFACTS_DIR } from '../../dev/n8n/paths';

const log = (line: string): void => {
	process.stderr.write(`[fleet] ${line}\n`);
};

export default async function globalSetup(): Promise<void> {
	// A fleet that is already running (e.g. `npm run dev -- --queue`'s) is used as it is.
	if (process.env.PD_FLEET_ATTACH === '1' && existsSync(FLEET_STATE_FILE)) {
		log(`attached to the running fleet in ${FLEET_STATE_FILE}`);
		return;
	}
	const started = Date.now();
	ensureN8nHost(log);
	const stack = await startFleetStack({
		logDir: join(ARTIFACTS_DIR, 'fleet'),
		log,
		workers: 2,
		concurrency: 10,
		echo: process.env.PD_E2E_ECHO === '1' ? (chunk) => process.stderr.write(chunk) : undefined,
	});
	(globalThis as { __PD_FLEET__?: FleetStack }).__PD_FLEET__ = stack;
	mkdirSync(dirname(FLEET_STATE_FILE), { recursive: true });
	writeFileSync(FLEET_STATE_FILE, JSON.stringify(stack.state, null, '\t'));
	log(
		`fleet ready in ${((Date.now() - started) / 1000).toFixed(1)} s: main ${stack.state.mainUrl}, ` +
			`webhooks ${stack.state.webhookUrl}, sandbox ${stack.state.sandboxUrl}`,
	);
}
