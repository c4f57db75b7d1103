import { rmSync } from 'fs';

import type { E2eHandles } from './global-setup';
import { STATE_FILE } from '../../dev/n8n/paths';

export default async function globalTeardown(): Promise<void> {
	const handles = (globalThis as { __PD_E2E__?: E2eHandles }).__PD_E2E__;
	if (!handles) return;
	await handles.n8n?.stop();
	await handles.proxy.close();
	await handles.sandbox.close();
	if (process.env.PD_E2E_KEEP !== '1') rmSync(handles.userFolder, { recursive: true, force: true });
	rmSync(STATE_FILE, { force: true });
}
