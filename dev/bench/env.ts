// Imported first by the benchmark: n8n-core reads these when it loads.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-pagerduty-bench-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
