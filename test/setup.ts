// Jest `setupFiles` entry: runs in every test file's sandbox before the test framework and the
// test file (and so before n8n-core) are loaded.
//
// n8n-core's InstanceSettings resolves its folder from `N8N_USER_FOLDER` (falling back to $HOME)
// via @n8n/config's getN8nFolder(), and on first use writes `<folder>/.n8n/config` with a freshly
// generated encryption key. Pointing it at a throwaway directory keeps tests off the real home
// folder and gives every test file its own key. test/setup-after-env.ts removes it afterwards.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-pagerduty-test-'));

// n8n-core's ErrorReporter logs every node error (with stack) through the backend Logger, which
// would flood test output. Set N8N_LOG_LEVEL=debug (or info) in the environment to see it.
process.env.N8N_LOG_LEVEL ??= 'silent';
