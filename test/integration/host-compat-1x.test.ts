// The host-compatibility shim (nodes/shared/hostCompat.ts) against n8n-workflow in the shape of the
// 1.x line (1.120, what n8n 1.123 ships): `sleep(ms)` takes no signal and ignores one, and the abortable wait is
// the separate export `sleepWithAbort(ms, signal)`. The real 1.x is exercised by the 1.123 smoke stage.
import { describeCancellationDuringRateLimitWait } from './cancellation';

jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
	return {
		...actual,
		// As in n8n-workflow 1.x: a plain timer, whatever else is passed.
		sleep: async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms)),
		// Same contract as 1.x's sleepWithAbort: rejects when the signal aborts.
		sleepWithAbort: async (ms: number, signal: AbortSignal) => await actual.sleep(ms, signal),
	};
});

it('is a host whose plain sleep ignores the cancel signal (what the shim works around)', async () => {
	const { sleep } = jest.requireMock<typeof import('n8n-workflow')>('n8n-workflow');
	const controller = new AbortController();
	controller.abort();
	await expect(sleep(10, controller.signal)).resolves.toBeUndefined();
});

describeCancellationDuringRateLimitWait();
