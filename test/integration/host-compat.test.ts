// The host-compatibility shim (nodes/shared/hostCompat.ts) with n8n-workflow 2.x as installed here:
// there `sleep(ms, signal)` honours the signal and there is no `sleepWithAbort`.
import * as n8nWorkflow from 'n8n-workflow';

import { describeCancellationDuringRateLimitWait } from './cancellation';

it('runs against an n8n-workflow without sleepWithAbort (the 2.x form)', () => {
	expect('sleepWithAbort' in n8nWorkflow).toBe(false);
});

describeCancellationDuringRateLimitWait();
