// Shared by the cancellation tests of each n8n line's n8n-workflow (host-compat*.test.ts): an execution
// stopped during a long rate-limit wait ends at once and sends nothing more to PagerDuty.
import { useSandbox } from './pagerduty';

/** Longer than the test may take: only a wait cut short by the cancel lets it pass. */
const ANNOUNCED_RESET_SECONDS = 20;

export function describeCancellationDuringRateLimitWait(): void {
	describe('an execution stopped during a rate-limit wait', () => {
		const pagerDuty = useSandbox();

		it('ends at once and sends no further request', async () => {
			pagerDuty.sandbox.queueResponses(1, {
				status: 429,
				headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(ANNOUNCED_RESET_SECONDS) },
			});
			const started = Date.now();
			const result = await pagerDuty.run(
				{ resource: 'incident', operation: 'getAll', returnAll: false, limit: 1, options: {} },
				{ cancelAfterMs: 500 },
			);
			expect(Date.now() - started).toBeLessThan(5000);
			expect(result.items).toEqual([]);
			expect(pagerDuty.restRequests().map((request) => request.status)).toEqual([429]);
		});
	});
}
