import { rmSync } from 'fs';

import { FLEET_STATE_FILE, FleetStack } from '../../dev/fleet/stack';

export default async function globalTeardown(): Promise<void> {
	const stack = (globalThis as { __PD_FLEET__?: FleetStack }).__PD_FLEET__;
	if (!stack) return;
	const started = Date.now();
	await stack.stop();
	rmSync(FLEET_STATE_FILE, { force: true });
	process.stderr.write(`[fleet] stopped in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
