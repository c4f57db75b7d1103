// Jest `setupFilesAfterEnv` entry: removes the per-file N8N_USER_FOLDER created by test/setup.ts.
// (setupFiles run before `afterAll` exists, and the sandbox's `process.on('exit')` never fires.)
import { rmSync } from 'fs';
import { tmpdir } from 'os';

afterAll(() => {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.startsWith(tmpdir()) && folder.includes('n8n-nodes-pagerduty-test-')) {
		rmSync(folder, { recursive: true, force: true });
	}
});
